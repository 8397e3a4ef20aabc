using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Stage history in the embedded store, in recording (id) order.</summary>
internal sealed class LiteStages(LiteSession session) : IStageHistoryStore
{
    private LiteStore Store => session.Store;

    public ValueTask AppendAsync(StageChange change, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        Store.StageChanges.Insert(StageChangeDocument.ToBson(change));
        Store.Touch(change.Customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<StageChange>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<StageChange>>(Store.StageChanges.Find(Query.EQ("c", customer.Value))
            .OrderBy(d => d["_id"].AsInt64).Select(StageChangeDocument.FromBson).ToArray());

    public ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var changes = Store.StageChanges.Find(Query.EQ("c", from.Value)).ToList();
        foreach (var doc in changes)
        {
            doc["c"] = to.Value;
            if (doc["mf"].IsNull) doc["mf"] = from.Value;
            Store.StageChanges.Update(doc);
        }
        return Completed.Value(changes.Count);
    }
}
