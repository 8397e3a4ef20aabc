using LiteDB;

namespace CrmKit.Storage;

/// <summary>Reads customers together with their stats, as segments and care rules see them.</summary>
internal static class Snapshots
{
    /// <summary>Every customer with its stats, in code order; mapping to domain objects runs on all cores.</summary>
    internal static List<CustomerSnapshot> All(LiteStore store)
    {
        var values = ReadValues(store);
        var docs = store.Customers.FindAll().ToList();
        var all = new CustomerSnapshot[docs.Count];
        Parallel.For(0, docs.Count, i => all[i] = Snapshot(docs[i], values));
        Array.Sort(all, (a, b) => string.CompareOrdinal(a.Customer.Code.Value, b.Customer.Code.Value));
        return [.. all];
    }

    /// <summary>
    /// Evaluates <paramref name="evaluate"/> for every customer without holding all of them at once:
    /// customer documents (which carry their stats) are read in chunks. When
    /// <paramref name="parallel"/>, each chunk is mapped and evaluated on a second thread while this
    /// one reads the next; otherwise on this thread. Returns each customer's code with its result,
    /// in no particular order (callers that show customers sort what they show).
    /// </summary>
    /// <remarks>
    /// Reading must stay on the calling thread (it may be inside the caller's transaction), and
    /// mapping a document costs less than reading it, so the useful parallelism is reading one chunk
    /// while the previous one is evaluated. Spreading each chunk over all cores measured slower on
    /// two cores. Small chunks keep the documents short-lived, so garbage collections during the
    /// read find little alive to walk.
    /// </remarks>
    internal static List<(string Code, T Result)> Evaluate<T>(LiteStore store, Func<CustomerSnapshot, T> evaluate, bool parallel)
    {
        var values = ReadValues(store);
        var results = new List<(string, T)>();
        var chunk = new List<BsonDocument>(ChunkSize);
        Task? pending = null;
        void Run(List<BsonDocument> docs)
        {
            foreach (var doc in docs)
            {
                var snapshot = Snapshot(doc, values);
                results.Add((snapshot.Customer.Code.Value, evaluate(snapshot)));
            }
        }
        void Flush()
        {
            if (!parallel)
            {
                Run(chunk);
                chunk.Clear();
                return;
            }
            pending?.GetAwaiter().GetResult();
            var full = chunk;
            pending = Task.Run(() => Run(full));
            chunk = new List<BsonDocument>(ChunkSize);
        }
        try
        {
            foreach (var doc in store.Customers.FindAll())
            {
                chunk.Add(doc);
                if (chunk.Count == ChunkSize) Flush();
            }
            if (chunk.Count > 0) Flush();
        }
        catch
        {
            // Never leave a chunk running past this call; the first failure is the one reported.
            try { pending?.Wait(); } catch (AggregateException) { }
            throw;
        }
        pending?.GetAwaiter().GetResult();
        return results;
    }

    private const int ChunkSize = 64;

    /// <summary>One customer with its stats by stored code (no merge resolution), or null when there is none.</summary>
    internal static CustomerSnapshot? One(LiteStore store, string code)
    {
        var doc = store.Customers.FindById(code);
        if (doc is null) return null;
        var value = store.CustomerValues.FindById(code);
        return new CustomerSnapshot(CustomerDocument.FromBson(doc), StatsDocument.FromBson(LiteStore.StatsOf(doc)))
        {
            Value = value is null ? null : ValueDocument.ValueFromBson(value),
        };
    }

    private static CustomerSnapshot Snapshot(BsonDocument doc, Dictionary<string, BsonDocument>? values)
    {
        var customer = CustomerDocument.FromBson(doc);
        return new(customer, StatsDocument.FromBson(LiteStore.StatsOf(doc)))
        {
            Value = values is not null && values.TryGetValue(customer.Code.Value, out var v) ? ValueDocument.ValueFromBson(v) : null,
        };
    }

    /// <summary>The stored value figures by code, or null when no fit was stored (the common case costs one count).</summary>
    private static Dictionary<string, BsonDocument>? ReadValues(LiteStore store)
    {
        if (store.CustomerValues.Count() == 0) return null;
        var byCode = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var doc in store.CustomerValues.FindAll()) byCode[doc["_id"].AsString] = doc;
        return byCode;
    }
}
