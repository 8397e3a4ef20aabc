namespace CrmKit;

/// <summary>
/// Attributes responses to one assigned customer from their interaction log and the campaign's
/// tasks. The window opens at the assignment instant (inclusive) and closes
/// <see cref="CampaignPlan.AttributionWindow"/> later (exclusive); nothing outside it counts, for
/// held-out and treated customers alike, so both arms are measured over the same span.
/// </summary>
internal static class CampaignAttribution
{
    /// <summary>The window's start (inclusive) and end (exclusive) for <paramref name="assignment"/>.</summary>
    internal static (DateTimeOffset Start, DateTimeOffset End) Window(CampaignAssignment assignment, CampaignPlan plan) =>
        (assignment.At, assignment.At + plan.AttributionWindow);

    /// <summary>Attributes one customer's responses.</summary>
    /// <param name="assignment">The customer's assignment.</param>
    /// <param name="plan">The campaign's plan (its response rule and attribution window).</param>
    /// <param name="interactions">The customer's interactions; others' are ignored.</param>
    /// <param name="tasks">The campaign's care tasks for the customer; others' are ignored.</param>
    /// <param name="purchaseKinds">The kinds that count as purchases; null means <c>purchase</c>.</param>
    internal static AttributedResponse Attribute(CampaignAssignment assignment, CampaignPlan plan, IEnumerable<Interaction> interactions,
        IEnumerable<CareTask> tasks, IReadOnlyCollection<InteractionKind>? purchaseKinds = null)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(tasks);
        purchaseKinds ??= [InteractionKind.Purchase];
        var (start, end) = Window(assignment, plan);
        var rule = plan.Response;
        DateTimeOffset? first = null;
        var revenue = 0m;
        foreach (var interaction in interactions)
        {
            if (interaction.Customer != assignment.Customer) continue;
            var at = interaction.OccurredAt;
            if (at < start || at >= end) continue;
            if (rule.RevenueKinds.Contains(interaction.Kind)) revenue += interaction.Amount ?? 0m;
            if (rule.Kinds.Contains(interaction.Kind) || (rule.CountsPurchase && purchaseKinds.Contains(interaction.Kind)))
                first = first is null || at < first ? at : first;
        }

        var accepted = false;
        if (rule.AcceptedOutcome is not null)
        {
            foreach (var task in tasks)
            {
                if (task.Customer != assignment.Customer || task.Status != CareTaskStatus.Done || task.Outcome != rule.AcceptedOutcome) continue;
                if (task.ClosedAt is not { } closed || closed < start || closed >= end) continue;
                accepted = true;
                first = first is null || closed < first ? closed : first;
            }
        }
        return new(first is not null, first, accepted, revenue);
    }
}
