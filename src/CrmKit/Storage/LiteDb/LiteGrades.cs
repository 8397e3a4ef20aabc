using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Grade history in the embedded store, in recording (id) order.</summary>
internal sealed class LiteGrades(LiteSession session) : IGradeStore
{
    public ValueTask AppendAsync(GradeChange change, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.Store.GradeChanges.Insert(RecordDocuments.ToBson(change));
        session.Store.Touch(change.Customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<GradeChange>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<GradeChange>>(session.Store.GradeChanges.Find(Query.EQ("c", customer.Value))
            .OrderBy(d => d["_id"].AsInt64).Select(RecordDocuments.ToGradeChange).ToArray());
}
