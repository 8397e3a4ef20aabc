using LiteDB;

namespace CrmKit.Storage;

/// <summary>Reads customers together with their stats, as segments and care rules see them.</summary>
internal static class Snapshots
{
    /// <summary>Every customer with its stats, in code order.</summary>
    internal static List<CustomerSnapshot> All(LiteStore store)
    {
        var stats = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var doc in store.Stats.FindAll()) stats[doc["_id"].AsString] = doc;
        var all = new List<CustomerSnapshot>();
        foreach (var doc in store.Customers.FindAll())
        {
            var customer = CustomerDocument.FromBson(doc);
            all.Add(new CustomerSnapshot(customer, StatsDocument.FromBson(stats.GetValueOrDefault(customer.Code.Value))));
        }
        all.Sort((a, b) => string.CompareOrdinal(a.Customer.Code.Value, b.Customer.Code.Value));
        return all;
    }

    /// <summary>One customer with its stats by stored code (no merge resolution), or null when there is none.</summary>
    internal static CustomerSnapshot? One(LiteStore store, string code)
    {
        var doc = store.Customers.FindById(code);
        return doc is null ? null : new CustomerSnapshot(CustomerDocument.FromBson(doc), StatsDocument.FromBson(store.Stats.FindById(code)));
    }
}
