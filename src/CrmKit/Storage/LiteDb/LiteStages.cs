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
        Completed.Value<IReadOnlyList<StageChange>>(Store.StageChanges.Find(Where.Eq("c", customer.Value))
            .OrderBy(d => d["_id"].AsInt64).Select(StageChangeDocument.FromBson).ToArray());

    public IAsyncEnumerable<IReadOnlyList<StageChange>> ScanAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (start, end) = (from.UtcTicks, to.UtcTicks);
        var changes = Store.StageChanges.FindAll()
            .Where(d => d["at"]["t"].AsInt64 is var t && t >= start && t < end)
            .Select(StageChangeDocument.FromBson);
        return Completed.Chunks(Completed.InChunks(changes, LiteScan.MostPerChunk), cancellationToken);
    }

    public ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var changes = Store.StageChanges.Find(Where.Eq("c", from.Value)).ToList();
        foreach (var doc in changes)
        {
            doc["c"] = to.Value;
            if (doc["mf"].IsNull) doc["mf"] = from.Value;
            Store.StageChanges.Update(doc);
        }
        return Completed.Value(changes.Count);
    }
}
