using System.Collections.Concurrent;
using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Reads customers together with their stats and value figures, as segments and care rules see them, in chunks.</summary>
internal static class LiteScan
{
    /// <summary>
    /// The chunks of a snapshot scan. Each customer document (which carries its stats) is mapped as
    /// it is read, and chunks are handed out as they fill. When <see cref="SnapshotScan.Parallel"/>,
    /// the collection is read from both ends at once (the caller's thread from the first code up, a
    /// second thread from the last code down) until the two meet.
    /// </summary>
    /// <remarks>
    /// Reading is most of the cost of a full evaluation, so the useful parallelism is reading two
    /// halves at once; on two cores that measured about 0.7 of the time of one reader. The halves
    /// need no split point: both sides count the documents they take against the collection's count
    /// and stop once every document is taken, so each customer comes exactly once. That relies on
    /// both threads seeing the same customers, so the caller must not have changed customers in an
    /// open transaction (segment refreshes, previews and sweeps change none before they scan); the
    /// second thread reads the committed file.
    /// </remarks>
    internal static IEnumerable<IReadOnlyList<CustomerSnapshot>> Chunks(LiteStore store, SnapshotScan scan, CancellationToken ct)
    {
        var size = Math.Min(scan.ChunkSize, MostPerChunk);
        if (scan.Codes is { } codes)
        {
            return Completed.InChunks(codes.Select(c => store.Customers.FindById(c.Value)).OfType<BsonDocument>().Select(d => Snapshot(d, null, store)), size);
        }
        var values = ReadValues(store);
        return scan.Parallel
            ? BothEnds(store, values, size, ct)
            : Completed.InChunks(store.Customers.FindAll().Select(d => Snapshot(d, values, null)), size);
    }

    /// <summary>The most items (customer snapshots, interactions, stage changes, segment events) this store puts in one chunk of a scan, whatever the caller asks for.</summary>
    /// <remarks>
    /// Chunks are built as documents are read, so a small one costs no extra reads. A large one
    /// keeps hundreds of mapped customers alive while the next documents are read and mapped, and
    /// each young-generation collection in between promotes them, until the old generation is
    /// collected over and over. At 100,000 customers a scripted refresh took 1.4 s in chunks of 512
    /// and 0.55 s in chunks of 32, against 0.28 s for the bare read (see docs/benchmarks.md).
    /// </remarks>
    internal const int MostPerChunk = 32;

    private static IEnumerable<IReadOnlyList<CustomerSnapshot>> BothEnds(LiteStore store, Dictionary<string, BsonDocument>? values, int size, CancellationToken ct)
    {
        var total = store.Customers.Count();
        var taken = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var fromTheEnd = new BlockingCollection<IReadOnlyList<CustomerSnapshot>>(boundedCapacity: 4);

        IEnumerable<CustomerSnapshot> Side(IEnumerable<BsonDocument> docs)
        {
            foreach (var doc in docs)
            {
                if (stop.IsCancellationRequested || Interlocked.Increment(ref taken) > total) yield break;
                yield return Snapshot(doc, values, null);
            }
        }

        var other = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in Completed.InChunks(Side(store.Customers.Find(Query.All(Query.Descending))), size)) fromTheEnd.Add(chunk, stop.Token);
            }
            finally
            {
                fromTheEnd.CompleteAdding();
            }
        }, CancellationToken.None);
        try
        {
            foreach (var chunk in Completed.InChunks(Side(store.Customers.FindAll()), size))
            {
                yield return chunk;
                while (fromTheEnd.TryTake(out var theirs)) yield return theirs;
            }
            foreach (var theirs in fromTheEnd.GetConsumingEnumerable(ct)) yield return theirs;
            other.GetAwaiter().GetResult();
        }
        finally
        {
            // Never leave the other half running past the scan; a failure on this side is the one reported.
            stop.Cancel();
            try { other.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
    }

    /// <summary>One customer with its stats and value figures by stored code (no merge resolution), or null when there is none.</summary>
    internal static CustomerSnapshot? One(LiteStore store, string code) =>
        store.Customers.FindById(code) is { } doc ? Snapshot(doc, null, store) : null;

    private static CustomerSnapshot Snapshot(BsonDocument doc, Dictionary<string, BsonDocument>? values, LiteStore? lookUp)
    {
        var customer = CustomerDocument.FromBson(doc);
        var value = values is not null ? values.GetValueOrDefault(customer.Code.Value) : lookUp?.CustomerValues.FindById(customer.Code.Value);
        return new(customer, StatsDocument.FromBson(LiteStore.StatsOf(doc)))
        {
            Value = value is null ? null : ValueDocument.ValueFromBson(value),
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
