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
        Completed.Value<IReadOnlyList<GradeChange>>(session.Store.GradeChanges.Find(Where.Eq("c", customer.Value))
            .OrderBy(d => d["_id"].AsInt64).Select(RecordDocuments.ToGradeChange).ToArray());

    public ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var moved = session.Store.GradeChanges.Find(Where.Eq("c", from.Value)).ToList();
        foreach (var doc in moved)
        {
            doc["c"] = to.Value;
            if (doc["m"].IsNull) doc["m"] = from.Value;
            session.Store.GradeChanges.Update(doc);
        }
        if (moved.Count > 0) session.Store.Touch(to.Value);
        return Completed.Value(moved.Count);
    }
}
