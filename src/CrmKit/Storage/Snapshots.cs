using LiteDB;

namespace CrmKit.Storage;

/// <summary>Reads customers together with their stats, as segments and care rules see them.</summary>
internal static class Snapshots
{
    /// <summary>Every customer with its stats, in code order.</summary>
    /// <remarks>
    /// Customers and stats are read at the same time, then mapped to domain objects on all cores:
    /// reading the second collection and mapping are the cost over a raw read of customers.
    /// </remarks>
    internal static List<CustomerSnapshot> All(LiteStore store)
    {
        // Stats are read on a second thread while this one reads customers. Refreshes and sweeps hold
        // the write gate, so no other writer can change either collection meanwhile; a preview
        // (outside the gate) tolerates a write landing between the two reads.
        var statsRead = Task.Run(() =>
        {
            var byCode = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
            foreach (var doc in store.Stats.FindAll()) byCode[doc["_id"].AsString] = doc;
            return byCode;
        });
        var docs = store.Customers.FindAll().ToArray();
        var stats = statsRead.GetAwaiter().GetResult();
        var all = new CustomerSnapshot[docs.Length];
        Parallel.For(0, docs.Length, i =>
        {
            var customer = CustomerDocument.FromBson(docs[i]);
            all[i] = new CustomerSnapshot(customer, StatsDocument.FromBson(stats.GetValueOrDefault(customer.Code.Value)));
        });
        Array.Sort(all, (a, b) => string.CompareOrdinal(a.Customer.Code.Value, b.Customer.Code.Value));
        return [.. all];
    }

    /// <summary>One customer with its stats by stored code (no merge resolution), or null when there is none.</summary>
    internal static CustomerSnapshot? One(LiteStore store, string code)
    {
        var doc = store.Customers.FindById(code);
        return doc is null ? null : new CustomerSnapshot(CustomerDocument.FromBson(doc), StatsDocument.FromBson(store.Stats.FindById(code)));
    }
}
