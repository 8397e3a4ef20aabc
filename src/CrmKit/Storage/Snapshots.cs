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
        var statsRead = Task.Run(() => ReadStats(store));
        var values = ReadValues(store);
        var docs = store.Customers.FindAll().ToArray();
        var stats = statsRead.GetAwaiter().GetResult();
        var all = new CustomerSnapshot[docs.Length];
        Parallel.For(0, docs.Length, i =>
        {
            var customer = CustomerDocument.FromBson(docs[i]);
            all[i] = Snapshot(customer, stats.GetValueOrDefault(customer.Code.Value), values);
        });
        Array.Sort(all, (a, b) => string.CompareOrdinal(a.Customer.Code.Value, b.Customer.Code.Value));
        return [.. all];
    }

    /// <summary>
    /// Evaluates <paramref name="evaluate"/> for every customer without holding all of them at once:
    /// customer documents are read in chunks and each chunk is mapped and evaluated (on all cores
    /// when <paramref name="parallel"/>) before the next is read, while stats are read on a second
    /// thread. Returns each customer's code with its result, in code order.
    /// </summary>
    internal static List<(string Code, T Result)> Evaluate<T>(LiteStore store, Func<CustomerSnapshot, T> evaluate, bool parallel)
    {
        var statsRead = Task.Run(() => ReadStats(store));
        var values = ReadValues(store);
        Dictionary<string, BsonDocument>? stats = null;
        var results = new List<(string, T)>();
        var chunk = new List<BsonDocument>(ChunkSize);
        void Flush()
        {
            stats ??= statsRead.GetAwaiter().GetResult();
            var part = new (string, T)[chunk.Count];
            void One(int i)
            {
                var customer = CustomerDocument.FromBson(chunk[i]);
                part[i] = (customer.Code.Value, evaluate(Snapshot(customer, stats.GetValueOrDefault(customer.Code.Value), values)));
            }
            if (parallel) Parallel.For(0, part.Length, One);
            else for (var i = 0; i < part.Length; i++) One(i);
            results.AddRange(part);
            chunk.Clear();
        }
        foreach (var doc in store.Customers.FindAll())
        {
            chunk.Add(doc);
            if (chunk.Count == ChunkSize) Flush();
        }
        if (chunk.Count > 0) Flush();
        statsRead.GetAwaiter().GetResult();
        results.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return results;
    }

    private const int ChunkSize = 4_096;

    private static Dictionary<string, BsonDocument> ReadStats(LiteStore store)
    {
        var byCode = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var doc in store.Stats.FindAll()) byCode[doc["_id"].AsString] = doc;
        return byCode;
    }

    /// <summary>One customer with its stats by stored code (no merge resolution), or null when there is none.</summary>
    internal static CustomerSnapshot? One(LiteStore store, string code)
    {
        var doc = store.Customers.FindById(code);
        if (doc is null) return null;
        var value = store.CustomerValues.FindById(code);
        return new CustomerSnapshot(CustomerDocument.FromBson(doc), StatsDocument.FromBson(store.Stats.FindById(code)))
        {
            Value = value is null ? null : ValueDocument.ValueFromBson(value),
        };
    }

    private static CustomerSnapshot Snapshot(Customer customer, BsonDocument? stats, Dictionary<string, BsonDocument>? values) =>
        new(customer, StatsDocument.FromBson(stats))
        {
            Value = values is not null && values.TryGetValue(customer.Code.Value, out var v) ? ValueDocument.ValueFromBson(v) : null,
        };

    /// <summary>The stored value figures by code, or null when no fit was stored (the common case costs one count).</summary>
    private static Dictionary<string, BsonDocument>? ReadValues(LiteStore store)
    {
        if (store.CustomerValues.Count() == 0) return null;
        var byCode = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var doc in store.CustomerValues.FindAll()) byCode[doc["_id"].AsString] = doc;
        return byCode;
    }
}
