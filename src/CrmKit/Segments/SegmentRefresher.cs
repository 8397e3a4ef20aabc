using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>
/// Refreshes one segment's stored membership inside the caller's write: evaluates its predicate,
/// then records who entered and who left under the segment's next refresh number.
/// </summary>
internal sealed class SegmentRefresher(CrmContext context)
{
    internal SegmentRefreshResult Refresh(BsonDocument segment, ISegmentPredicate predicate, bool changedOnly, bool parallel)
    {
        var store = context.Store;
        var name = segment["_id"].AsString;
        var now = context.Now;
        var sequence = store.ChangeSequence;
        var lastSequence = segment["rs"].AsInt64;
        var incremental = changedOnly && lastSequence >= 0;
        var refresh = segment["rn"].AsInt64 + 1;

        // Per evaluated customer (each once): does the rule select them now? Customers gone (merged away) are false.
        List<(string Code, bool Member)> verdicts;
        if (incremental)
        {
            verdicts = [];
            foreach (var code in store.ChangedSince(lastSequence))
            {
                var snapshot = Snapshots.One(store, code);
                verdicts.Add((code, snapshot is not null && Evaluate(name, predicate, snapshot, now)));
            }
        }
        else
        {
            verdicts = Evaluate(name, predicate, store, now, parallel);
        }

        var entered = 0;
        var left = 0;
        var events = new List<BsonDocument>();
        int? before = null;
        if (incremental)
        {
            foreach (var (code, member) in verdicts)
            {
                var stored = store.SegmentMembers.FindById(SegmentDocument.MemberId(name, code)) is not null;
                Apply(name, code, stored, member, now, refresh, events, ref entered, ref left);
            }
        }
        else
        {
            var current = store.SegmentMembers.Find(Query.EQ("seg", name)).Select(d => d["c"].AsString).ToHashSet(StringComparer.Ordinal);
            before = current.Count;
            foreach (var (code, member) in verdicts) Apply(name, code, current.Remove(code), member, now, refresh, events, ref entered, ref left);
            foreach (var gone in current) Apply(name, gone, true, false, now, refresh, events, ref entered, ref left);
        }
        if (events.Count > 0) store.SegmentEvents.InsertBulk(events);

        segment["rn"] = refresh;
        segment["rs"] = sequence;
        segment["rAt"] = Bson.Instant(now);
        store.Segments.Update(segment);
        // A full refresh read every stored member already; only an incremental one needs to count them.
        var members = before is { } known ? known + entered - left : store.SegmentMembers.Count(Query.EQ("seg", name));
        return new SegmentRefreshResult(name, refresh, verdicts.Count, members, entered, left, incremental);
    }

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

    /// <summary>Evaluates every stored customer, streaming; in parallel when asked, with the same answers as one thread.</summary>
    internal static List<(string Code, bool Member)> Evaluate(string segment, ISegmentPredicate predicate, LiteStore store, DateTimeOffset now, bool parallel)
    {
        try
        {
            return Snapshots.Evaluate(store, c => Evaluate(segment, predicate, c, now), parallel);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is SegmentEvaluationException first)
        {
            throw first;
        }
    }

    /// <summary>Evaluates every customer; in parallel when asked, with the same answers as one thread.</summary>
    internal static bool[] Evaluate(string segment, ISegmentPredicate predicate, IReadOnlyList<CustomerSnapshot> customers, DateTimeOffset now, bool parallel)
    {
        var matches = new bool[customers.Count];
        if (!parallel)
        {
            for (var i = 0; i < matches.Length; i++) matches[i] = Evaluate(segment, predicate, customers[i], now);
            return matches;
        }
        try
        {
            Parallel.For(0, matches.Length, i => matches[i] = Evaluate(segment, predicate, customers[i], now));
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is SegmentEvaluationException first)
        {
            throw first;
        }
        return matches;
    }

    private void Apply(string name, string code, bool stored, bool member, DateTimeOffset now, long refresh,
        List<BsonDocument> events, ref int entered, ref int left)
    {
        if (stored == member) return;
        if (member)
        {
            context.Store.SegmentMembers.Insert(SegmentDocument.Member(name, code, now, refresh));
            entered++;
        }
        else
        {
            context.Store.SegmentMembers.Delete(SegmentDocument.MemberId(name, code));
            left++;
        }
        events.Add(SegmentDocument.Event(name, code, member, now, refresh));
    }
}
