using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Refreshes one segment's stored membership inside the caller's write: evaluates its predicate
/// over the customers as they stream by in chunks, then records who entered and who left under the
/// segment's next refresh number.
/// </summary>
internal sealed class SegmentRefresher(CrmContext context)
{
    /// <param name="store">The write's session.</param>
    /// <param name="segment">The stored segment.</param>
    /// <param name="predicate">Its rule.</param>
    /// <param name="changedOnly">Only customers changed since the segment's last refresh.</param>
    /// <param name="parallel">Read customers on several threads.</param>
    /// <param name="readSequence">
    /// The change sequence read when the write began, for a write that refreshes several segments:
    /// a server store reads it before the write has written anything, so it must not be read again
    /// after the first segment's members were recorded. Read here when null.
    /// </param>
    /// <param name="ct">Cancels the refresh; nothing is written.</param>
    internal async ValueTask<SegmentRefreshResult> RefreshAsync(IStoreSession store, StoredSegment segment, ISegmentPredicate predicate,
        bool changedOnly, bool parallel, CancellationToken ct, long? readSequence = null)
    {
        var name = segment.Definition.Name;
        var now = context.Now;
        var sequence = readSequence ?? await store.Changes.SequenceAsync(ct).ConfigureAwait(false);
        // Memberships of other segments and open tasks change without their customers changing, so
        // a predicate that reads them is always refreshed in full.
        var incremental = changedOnly && segment.RefreshedThrough is not null && !SegmentDependencies.NeedsFullRefresh(predicate);
        var refresh = segment.Refreshes + 1;

        // Per evaluated customer (each once): does the rule select them now? Customers gone (merged away) are false.
        List<(CustomerCode Code, Outcome<bool> Member)> verdicts;
        if (incremental)
        {
            var changed = await store.Changes.ChangedSinceAsync(segment.RefreshedThrough!.Value, ct).ConfigureAwait(false);
            verdicts = await EvaluateAllAsync(name, predicate, store, SnapshotScan.Only(changed), now, ct).ConfigureAwait(false);
            var present = verdicts.Select(v => v.Code).ToHashSet();
            verdicts.AddRange(changed.Where(c => !present.Contains(c)).Select(c => (c, Outcome<bool>.Of(false))));
        }
        else
        {
            var scan = SnapshotScan.All(parallel) with { Filter = segment.Definition.Filter, At = now };
            verdicts = await EvaluateAllAsync(name, predicate, store, scan, now, ct).ConfigureAwait(false);
        }
        // A customer the rule failed for keeps its stored membership; the failure is reported.
        var failures = Failures(name, verdicts);

        var events = new List<SegmentEvent>();
        int? before = null;
        if (incremental)
        {
            foreach (var (code, member) in verdicts)
            {
                if (!member.Succeeded) continue;
                var stored = await store.Segments.MembershipAsync(name, code, ct).ConfigureAwait(false) is not null;
                if (stored != member.Value) events.Add(new SegmentEvent(name, code, member.Value, now, refresh));
            }
        }
        else
        {
            var current = new HashSet<CustomerCode>(await store.Segments.MemberCodesAsync(name, ct).ConfigureAwait(false));
            before = current.Count;
            foreach (var (code, member) in verdicts)
            {
                var stored = current.Remove(code);
                if (member.Succeeded && stored != member.Value) events.Add(new SegmentEvent(name, code, member.Value, now, refresh));
            }
            events.AddRange(current.Select(gone => new SegmentEvent(name, gone, false, now, refresh)));
        }
        ct.ThrowIfCancellationRequested();
        await store.Segments.RecordRefreshAsync(new SegmentRefreshRecord(name, refresh, sequence, now, events), ct).ConfigureAwait(false);

        var entered = events.Count(e => e.Entered);
        var left = events.Count - entered;
        // A full refresh read every stored member already; only an incremental one needs to count them.
        var members = before is { } known ? known + entered - left : await store.Segments.CountMembersAsync(name, ct).ConfigureAwait(false);
        return new SegmentRefreshResult(name, refresh, verdicts.Count, members, entered, left, incremental) { Failures = failures };
    }

    /// <summary>The failures among <paramref name="verdicts"/>, in code order.</summary>
    internal static EvaluationFailure[] Failures(string segment, List<(CustomerCode Code, Outcome<bool> Member)> verdicts) =>
        [.. verdicts.Where(v => !v.Member.Succeeded).OrderBy(v => v.Code.Value, StringComparer.Ordinal)
            .Select(v => EvaluationFailure.From(segment, v.Code, v.Member.Error!))];

    internal static bool Evaluate(string segment, ISegmentPredicate predicate, CustomerSnapshot customer, DateTimeOffset now)
    {
        try
        {
            return predicate.Matches(customer, now);
        }
        catch (Exception e) when (e is not CrmException)
        {
            throw new SegmentEvaluationException(segment, customer.Customer.Code, e);
        }
    }

    /// <summary>How many chunks may be evaluated at once while the scan reads on.</summary>
    /// <remarks>
    /// Two keep both of a default pool's two worker processes busy, and a third lets the read run on
    /// while those two answer, so a read never waits on one worker's round trip.
    /// </remarks>
    internal const int ChunksInFlight = 3;

    /// <summary>
    /// Evaluates the customers of <paramref name="scan"/> chunk by chunk, as they stream by; each
    /// customer once. Up to <see cref="ChunksInFlight"/> chunks are evaluated while the next one is
    /// read, so a predicate that waits for its answers (a script evaluated in a worker process)
    /// overlaps the read instead of adding to it.
    /// </summary>
    /// <remarks>
    /// The evaluations run on the thread pool. A store that ties its read to the calling thread (an
    /// embedded store's transaction is per thread, <see cref="IThreadBoundSession"/>) keeps the scan
    /// there, so the wait for the oldest chunk in flight blocks; any other store's refresh awaits
    /// it, so no pool thread is held waiting for another. Chunks are collected in the order they
    /// came, so the verdicts come in scan order.
    /// </remarks>
    internal static async ValueTask<List<(CustomerCode Code, Outcome<bool> Member)>> EvaluateAllAsync(string segment, ISegmentPredicate predicate,
        IStoreSession store, SnapshotScan scan, DateTimeOffset now, CancellationToken ct)
    {
        var verdicts = new List<(CustomerCode, Outcome<bool>)>();
        var inFlight = new Queue<(IReadOnlyList<CustomerSnapshot> Chunk, Task<Outcome<bool>[]> Evaluation)>(ChunksInFlight);
        var needs = predicate.Needs;
        var threadBound = store is IThreadBoundSession;
        try
        {
            await foreach (var scanned in store.Customers.ScanAsync(scan, ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                var chunk = await SnapshotCompletion.CompleteAsync(store, scanned, needs, ct).ConfigureAwait(false);
                if (inFlight.Count == ChunksInFlight) await CollectAsync(verdicts, inFlight.Dequeue(), threadBound).ConfigureAwait(false);
                inFlight.Enqueue((chunk, Task.Run(() => predicate.MatchAll(chunk, now), CancellationToken.None)));
            }
            while (inFlight.Count > 0) await CollectAsync(verdicts, inFlight.Dequeue(), threadBound).ConfigureAwait(false);
            // A cancellation that came while the last chunks were evaluated is honoured too.
            ct.ThrowIfCancellationRequested();
        }
        finally
        {
            // A failed or cancelled scan still waits for the chunks in flight, so no evaluation outlives the refresh.
            foreach (var (_, evaluation) in inFlight)
            {
                try
                {
                    evaluation.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The scan's own failure is the one reported.
                }
            }
        }
        return verdicts;
    }

    private static async ValueTask CollectAsync(List<(CustomerCode, Outcome<bool>)> verdicts,
        (IReadOnlyList<CustomerSnapshot> Chunk, Task<Outcome<bool>[]> Evaluation) done, bool threadBound)
    {
        var (chunk, evaluation) = done;
        var outcomes = threadBound || evaluation.IsCompleted ? evaluation.GetAwaiter().GetResult() : await evaluation.ConfigureAwait(false);
        for (var i = 0; i < chunk.Count; i++) verdicts.Add((chunk[i].Customer.Code, outcomes[i]));
    }
}
