using LiteDB;

namespace CrmKit.Storage;

/// <summary>Reads customers together with their stats, as segments and care rules see them.</summary>
internal static class Snapshots
{
    /// <summary>How many customers are handed to an evaluation at once.</summary>
    internal const int ChunkSize = 256;

    /// <summary>
    /// Evaluates <paramref name="evaluate"/> for every customer, streaming in chunks of
    /// <see cref="ChunkSize"/>: each customer document (which carries its stats) is mapped as it is
    /// read, a chunk is evaluated at once (one result per customer, in order), and then dropped. When
    /// <paramref name="parallel"/>, the collection is read from both ends at once (this thread from
    /// the first code up, a second thread from the last code down) until the two meet. Returns each
    /// customer's code with its result, in no particular order (callers that show customers sort
    /// what they show).
    /// </summary>
    /// <remarks>
    /// Reading is most of the cost of a full evaluation, so the useful parallelism is reading two
    /// halves at once; on two cores that measured about 0.7 of the time of one reader. The halves
    /// need no split point: both sides count the documents they take against the collection's count
    /// and stop once every document is taken, so each customer is evaluated exactly once. That
    /// relies on both threads seeing the same customers, so the caller must not have changed
    /// customers in an open transaction (segment refreshes and previews change none); the second
    /// thread reads the committed file.
    /// </remarks>
    internal static List<(string Code, T Result)> Evaluate<T>(LiteStore store, Func<IReadOnlyList<CustomerSnapshot>, IReadOnlyList<T>> evaluate, bool parallel)
    {
        var values = ReadValues(store);
        if (!parallel)
        {
            var results = new List<(string, T)>();
            var chunk = new List<CustomerSnapshot>(ChunkSize);
            foreach (var doc in store.Customers.FindAll()) Add(chunk, Snapshot(doc, values), evaluate, results);
            Flush(chunk, evaluate, results);
            return results;
        }

        var total = store.Customers.Count();
        var taken = 0;
        var stop = false;
        List<(string, T)> Side(IEnumerable<BsonDocument> docs)
        {
            var results = new List<(string, T)>(total / 2 + 1);
            var chunk = new List<CustomerSnapshot>(ChunkSize);
            try
            {
                foreach (var doc in docs)
                {
                    if (Volatile.Read(ref stop) || Interlocked.Increment(ref taken) > total) break;
                    Add(chunk, Snapshot(doc, values), evaluate, results);
                }
                Flush(chunk, evaluate, results);
            }
            catch
            {
                // A failure on either side stops the other at its next document.
                Volatile.Write(ref stop, true);
                throw;
            }
            return results;
        }
        var other = Task.Run(() => Side(store.Customers.Find(Query.All(Query.Descending))));
        List<(string, T)> mine;
        try
        {
            mine = Side(store.Customers.FindAll());
        }
        catch
        {
            // Never leave the other half running past this call; this side's failure is the one reported.
            try { other.Wait(); } catch (AggregateException) { }
            throw;
        }
        mine.AddRange(other.GetAwaiter().GetResult());
        return mine;
    }

    private static void Add<T>(List<CustomerSnapshot> chunk, CustomerSnapshot snapshot, Func<IReadOnlyList<CustomerSnapshot>, IReadOnlyList<T>> evaluate, List<(string, T)> results)
    {
        chunk.Add(snapshot);
        if (chunk.Count == ChunkSize) Flush(chunk, evaluate, results);
    }

    private static void Flush<T>(List<CustomerSnapshot> chunk, Func<IReadOnlyList<CustomerSnapshot>, IReadOnlyList<T>> evaluate, List<(string, T)> results)
    {
        if (chunk.Count == 0) return;
        var answers = evaluate(chunk);
        for (var i = 0; i < chunk.Count; i++) results.Add((chunk[i].Customer.Code.Value, answers[i]));
        chunk.Clear();
    }

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
