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
        List<(string Code, Outcome<bool> Member)> verdicts;
        if (incremental)
        {
            verdicts = [];
            var changed = new List<CustomerSnapshot>();
            foreach (var code in store.ChangedSince(lastSequence))
            {
                if (Snapshots.One(store, code) is { } snapshot) changed.Add(snapshot);
                else verdicts.Add((code, Outcome<bool>.Of(false)));
            }
            foreach (var chunk in changed.Chunk(Snapshots.ChunkSize))
            {
                var outcomes = predicate.MatchAll(chunk, now);
                for (var i = 0; i < chunk.Length; i++) verdicts.Add((chunk[i].Customer.Code.Value, outcomes[i]));
            }
        }
        else
        {
            verdicts = Evaluate(predicate, store, now, parallel);
        }
        // A customer the rule failed for keeps its stored membership; the failure is reported.
        var failures = Failures(name, verdicts);

        var entered = 0;
        var left = 0;
        var events = new List<BsonDocument>();
        int? before = null;
        if (incremental)
        {
            foreach (var (code, member) in verdicts)
            {
                if (!member.Succeeded) continue;
                var stored = store.SegmentMembers.FindById(SegmentDocument.MemberId(name, code)) is not null;
                Apply(name, code, stored, member.Value, now, refresh, events, ref entered, ref left);
            }
        }
        else
        {
            var current = store.SegmentMembers.Find(Query.EQ("seg", name)).Select(d => d["c"].AsString).ToHashSet(StringComparer.Ordinal);
            before = current.Count;
            foreach (var (code, member) in verdicts)
            {
                var stored = current.Remove(code);
                if (member.Succeeded) Apply(name, code, stored, member.Value, now, refresh, events, ref entered, ref left);
            }
            foreach (var gone in current) Apply(name, gone, true, false, now, refresh, events, ref entered, ref left);
        }
        if (events.Count > 0) store.SegmentEvents.InsertBulk(events);

        segment["rn"] = refresh;
        segment["rs"] = sequence;
        segment["rAt"] = Bson.Instant(now);
        store.Segments.Update(segment);
        // A full refresh read every stored member already; only an incremental one needs to count them.
        var members = before is { } known ? known + entered - left : store.SegmentMembers.Count(Query.EQ("seg", name));
        return new SegmentRefreshResult(name, refresh, verdicts.Count, members, entered, left, incremental) { Failures = failures };
    }

    /// <summary>The failures among <paramref name="verdicts"/>, in code order.</summary>
    internal static EvaluationFailure[] Failures(string segment, List<(string Code, Outcome<bool> Member)> verdicts) =>
        [.. verdicts.Where(v => !v.Member.Succeeded).OrderBy(v => v.Code, StringComparer.Ordinal)
            .Select(v => EvaluationFailure.From(segment, new CustomerCode(v.Code), v.Member.Error!))];

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

    /// <summary>Evaluates every stored customer in chunks, streaming; in parallel when asked, with the same answers as one thread.</summary>
    internal static List<(string Code, Outcome<bool> Member)> Evaluate(ISegmentPredicate predicate, LiteStore store, DateTimeOffset now, bool parallel) =>
        Snapshots.Evaluate(store, chunk => predicate.MatchAll(chunk, now), parallel);

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
