using CrmKit.Storage;

namespace CrmKit;

/// <summary>The work of rehearsing, running and evaluating one campaign inside the caller's unit of work.</summary>
internal sealed class CampaignRunner(CrmContext context)
{
    internal async ValueTask<CampaignRehearsal> RehearseAsync(IStoreSession s, string id, DateTimeOffset at, CancellationToken ct)
    {
        var campaign = await CampaignBook.LoadAsync(s, id, ct).ConfigureAwait(false);
        var members = await new CampaignAudience(context).FindAsync(s, campaign, at, ct).ConfigureAwait(false);
        var policy = context.Options.ContactPolicy;
        var rule = CampaignCareRule.NameOf(campaign.Id);
        var verdicts = new Dictionary<CustomerCode, SuppressionReason?>();
        foreach (var member in members)
        {
            if (member.Assignment.Offer is not { } offer) continue;
            var tasks = await s.Care.OfAsync(member.Assignment.Customer, ct).ConfigureAwait(false);
            var occasion = rule + ":" + offer;
            var proposed = Max(Max(member.Assignment.At, at), campaign.Plan.Window.Start);
            SuppressionReason? first = null;
            var through = false;
            foreach (var channel in campaign.Plan.Channels)
            {
                if (tasks.Any(t => t.OccasionKey == occasion && t.Channel == channel))
                {
                    through = true;
                    break;
                }
                var (_, held) = CareSweeper.Judge(member.Snapshot, occasion, channel, proposed, tasks, policy);
                if (held is null)
                {
                    through = true;
                    break;
                }
                first ??= held.Value.Reason;
            }
            verdicts[member.Assignment.Customer] = through ? null : first;
        }
        return CampaignRehearsal.Of(campaign, members.Select(m => m.Assignment), a => verdicts[a.Customer]);
    }

    internal async ValueTask<CampaignRunResult> RunAsync(IStoreSession s, string id, string actor, DateTimeOffset at, CancellationToken ct)
    {
        // Two hosts running one campaign take turns; the second finds it running and everyone assigned.
        await s.Campaigns.LockAsync(Require.Name(id, "campaign"), ct).ConfigureAwait(false);
        var campaign = await CampaignBook.LoadAsync(s, id, ct).ConfigureAwait(false);
        if (campaign.Status == CampaignStatus.Approved)
        {
            campaign = campaign.Start(actor, at, "run");
            await s.Campaigns.AppendStepAsync(campaign.Id, campaign.History[^1], ct).ConfigureAwait(false);
        }
        else if (campaign.Status != CampaignStatus.Running)
        {
            throw new IllegalCampaignTransitionException(campaign.Id, campaign.Status, CampaignStatus.Running, campaign.AllowedNext);
        }
        var window = campaign.Plan.Window;
        if (at >= window.End)
            throw new CrmValidationException("at", $"{at:o} is at or after the end of campaign '{campaign.Id}''s window {window.End:o}; complete it instead.");
        if (at < window.Start)
        {
            var recorded = await s.Campaigns.AssignmentsAsync(campaign.Id, ct).ConfigureAwait(false);
            return new CampaignRunResult(campaign, at, 0, 0, recorded.Count, null);
        }

        // Every assignment is recorded before anyone is contacted.
        var members = await new CampaignAudience(context).FindAsync(s, campaign, at, ct).ConfigureAwait(false);
        int added = 0, heldOut = 0;
        foreach (var member in members.Where(m => !m.Recorded))
        {
            if (!await s.Campaigns.AssignAsync(member.Assignment, ct).ConfigureAwait(false)) continue;
            added++;
            if (member.Assignment.IsHoldout) heldOut++;
        }
        var assignments = (await s.Campaigns.AssignmentsAsync(campaign.Id, ct).ConfigureAwait(false)).ToDictionary(a => a.Customer);
        var treated = assignments.Values.Where(a => !a.IsHoldout).Select(a => a.Customer).ToArray();
        var rule = new CampaignCareRule(campaign, code => assignments.GetValueOrDefault(code));
        var sweep = await new CareSweeper(context).SweepAsync(s, at, [rule], changedOnly: false, only: treated, ct).ConfigureAwait(false);
        return new CampaignRunResult(campaign, at, added, heldOut, assignments.Count, sweep);
    }

    internal async ValueTask<CampaignEvaluation> EvaluateAsync(IStoreSession s, string id, CancellationToken ct)
    {
        var campaign = await CampaignBook.LoadAsync(s, id, ct).ConfigureAwait(false);
        var assignments = await s.Campaigns.AssignmentsAsync(campaign.Id, ct).ConfigureAwait(false);
        var rule = CampaignCareRule.NameOf(campaign.Id);
        var purchases = context.Options.PurchaseKinds.ToArray();
        var outcomes = new List<CampaignOutcome>(assignments.Count);
        foreach (var assignment in assignments)
        {
            ct.ThrowIfCancellationRequested();
            var interactions = await s.Interactions.OfAsync(assignment.Customer, ct).ConfigureAwait(false);
            var tasks = (await s.Care.OfAsync(assignment.Customer, ct).ConfigureAwait(false)).Where(t => t.Rule == rule).ToArray();
            var response = CampaignAttribution.Attribute(assignment, campaign.Plan, interactions, tasks, purchases);
            var contacted = !assignment.IsHoldout && tasks.Length > 0;
            // Declining is an answer too: the customer was reached.
            var done = contacted && tasks.Any(t => t.Status is CareTaskStatus.Done or CareTaskStatus.Declined);
            outcomes.Add(new CampaignOutcome(assignment.Customer, assignment.Offer, contacted, done, done && response.Accepted, response.Responded, response.Revenue));
        }
        return CampaignEvaluator.Evaluate(campaign, outcomes);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
