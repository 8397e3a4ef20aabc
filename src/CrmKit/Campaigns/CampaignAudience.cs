using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Finds a campaign's audience on today's base inside one unit of work: the customers its target
/// selects now, each with the arm they are in (their recorded assignment, or the one the assigner
/// would draw) and their snapshot. Customers eligible for none of the offers are left out. Reads only.
/// </summary>
internal sealed class CampaignAudience(CrmContext context)
{
    /// <summary>One audience member: their snapshot, their arm, and whether that arm is already recorded.</summary>
    internal sealed record Member(CustomerSnapshot Snapshot, CampaignAssignment Assignment, bool Recorded);

    internal async ValueTask<List<Member>> FindAsync(IStoreSession s, Campaign campaign, DateTimeOffset at, CancellationToken ct)
    {
        var recorded = (await s.Campaigns.AssignmentsAsync(campaign.Id, ct).ConfigureAwait(false)).ToDictionary(a => a.Customer);
        var eligible = new Dictionary<string, IReadOnlySet<CustomerCode>>(StringComparer.Ordinal);
        foreach (var offer in campaign.Plan.Offers)
        {
            if (offer.Eligibility is { } segment) eligible[offer.Code] = await MembersAsync(s, segment, ct).ConfigureAwait(false);
        }

        var target = campaign.Plan.Target;
        var (scan, predicate) = target.Kind switch
        {
            CampaignTargetKind.Segment => (SnapshotScan.Only([.. await MembersAsync(s, target.Segment!, ct).ConfigureAwait(false)]), (ISegmentPredicate?)null),
            CampaignTargetKind.Filter => (new SnapshotScan { Filter = target.Filter }, target.Filter),
            _ => (SnapshotScan.All(), await ScriptAsync(s, target.Script!, ct).ConfigureAwait(false)),
        };

        var members = new List<Member>();
        await foreach (var chunk in s.Customers.ScanAsync(scan, ct).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            var matches = predicate?.MatchAll(chunk, at);
            for (var i = 0; i < chunk.Count; i++)
            {
                var snapshot = chunk[i];
                var code = snapshot.Customer.Code;
                if (recorded.TryGetValue(code, out var known))
                {
                    members.Add(new(snapshot, known, true));
                    continue;
                }
                if (matches is not null && !(matches[i].Error is null && matches[i].Value)) continue;
                var assignment = CampaignAssigner.Assign(campaign, code, at,
                    offer => !eligible.TryGetValue(offer.Code, out var set) || set.Contains(code));
                if (assignment is not null) members.Add(new(snapshot, assignment, false));
            }
        }
        members.Sort((a, b) => string.CompareOrdinal(a.Assignment.Customer.Value, b.Assignment.Customer.Value));
        return members;
    }

    private static async ValueTask<IReadOnlySet<CustomerCode>> MembersAsync(IStoreSession s, string segment, CancellationToken ct)
    {
        if (await s.Segments.FindAsync(segment, ct).ConfigureAwait(false) is null) throw new SegmentNotFoundException(segment);
        return await s.Segments.MemberCodesAsync(segment, ct).ConfigureAwait(false);
    }

    private async ValueTask<ISegmentPredicate> ScriptAsync(IStoreSession s, string reference, CancellationToken ct)
    {
        var stored = await s.Segments.FindAsync(reference, ct).ConfigureAwait(false) ?? throw new SegmentNotFoundException(reference);
        if (stored.Definition.Filter is { } filter) return filter;
        var compiler = context.Options.SegmentScripts ?? throw new CrmValidationException("target.script",
            $"'{reference}' is a script; open the database with CrmOptions.SegmentScripts set (CrmKit.Scripting provides ScriptedSegments).");
        return compiler.Compile(stored.Definition);
    }
}
