using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Erasure records.</summary>
internal sealed class LitePrivacy(LiteSession session) : IPrivacyStore
{
    public ValueTask RecordErasureAsync(ErasureRecord erasure, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.Store.Erasures.Insert(RecordDocuments.ToBson(erasure));
        session.Store.Touch(erasure.Customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ErasureRecord>> ErasuresOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ErasureRecord>>(session.Store.Erasures.Find(Where.Eq("c", customer.Value))
            .OrderBy(d => d["_id"].AsInt64).Select(RecordDocuments.ToErasure).ToArray());
}
