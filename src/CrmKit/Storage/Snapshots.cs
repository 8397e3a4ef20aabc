using LiteDB;

namespace CrmKit.Storage;

/// <summary>Reads customers together with their stats, as segments and care rules see them.</summary>
internal static class Snapshots
{
    /// <summary>Every customer with its stats, in code order.</summary>
    /// <remarks>
    /// Customers and stats are both read in key order and paired as they stream by, so no stats
    /// document outlives its customer's mapping; mapping to domain objects runs on all cores.
    /// </remarks>
    internal static List<CustomerSnapshot> All(LiteStore store)
    {
        var values = ReadValues(store);
        var docs = new List<(BsonDocument Customer, BsonDocument? Stats)>();
        using (var stats = new StatsReader(store))
            foreach (var doc in store.Customers.FindAll()) docs.Add((doc, stats.For(doc["_id"].AsString)));
        var all = new CustomerSnapshot[docs.Count];
        Parallel.For(0, docs.Count, i => all[i] = Snapshot(CustomerDocument.FromBson(docs[i].Customer), docs[i].Stats, values));
        Array.Sort(all, (a, b) => string.CompareOrdinal(a.Customer.Code.Value, b.Customer.Code.Value));
        return [.. all];
    }

    /// <summary>
    /// Evaluates <paramref name="evaluate"/> for every customer without holding all of them at once:
    /// customer documents are read in chunks, each paired with its stats as both collections stream
    /// by in key order. When <paramref name="parallel"/>, each chunk is mapped and evaluated on a
    /// second thread while this one reads the next; otherwise on this thread. Returns each
    /// customer's code with its result, in code order.
    /// </summary>
    /// <remarks>
    /// Reading must stay on the calling thread (it may be inside the caller's transaction), and
    /// mapping a document costs less than reading it, so the useful parallelism is reading one chunk
    /// while the previous one is evaluated. Spreading each chunk over all cores measured slower on
    /// two cores. Stats used to be read whole into a dictionary first; keeping every stats document
    /// alive made each garbage collection during the mapping walk them, and those collections cost
    /// more than the reading. Small chunks keep the documents short-lived for the same reason.
    /// </remarks>
    internal static List<(string Code, T Result)> Evaluate<T>(LiteStore store, Func<CustomerSnapshot, T> evaluate, bool parallel)
    {
        var values = ReadValues(store);
        var results = new List<(string, T)>();
        var chunk = new List<(BsonDocument Customer, BsonDocument? Stats)>(ChunkSize);
        Task? pending = null;
        void Run(List<(BsonDocument Customer, BsonDocument? Stats)> docs)
        {
            foreach (var (doc, stats) in docs)
            {
                var customer = CustomerDocument.FromBson(doc);
                results.Add((customer.Code.Value, evaluate(Snapshot(customer, stats, values))));
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
            chunk = new List<(BsonDocument Customer, BsonDocument? Stats)>(ChunkSize);
        }
        try
        {
            using var stats = new StatsReader(store);
            foreach (var doc in store.Customers.FindAll())
            {
                chunk.Add((doc, stats.For(doc["_id"].AsString)));
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
        results.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return results;
    }

    /// <summary>
    /// Reads the stats collection once, in key order, alongside customers read in the same order:
    /// <see cref="For"/> is asked for codes in ascending key order and returns each one's stats
    /// document, or null when the customer has none.
    /// </summary>
    private sealed class StatsReader(LiteStore store) : IDisposable
    {
        private readonly IEnumerator<BsonDocument> _stats = store.Stats.FindAll().GetEnumerator();
        private readonly Collation _order = store.Collation;
        private BsonDocument? _current;
        private bool _started;
        private bool _done;

        internal BsonDocument? For(string code)
        {
            if (!_started)
            {
                _started = true;
                Next();
            }
            while (!_done && _order.Compare(_current!["_id"].AsString, code) < 0) Next();
            if (_done) return null;
            var key = _current!["_id"].AsString;
            return string.Equals(key, code, StringComparison.Ordinal) ? _current : null;
        }

        private void Next()
        {
            if (_stats.MoveNext()) _current = _stats.Current;
            else
            {
                _current = null;
                _done = true;
            }
        }

        public void Dispose() => _stats.Dispose();
    }

    private const int ChunkSize = 64;

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
