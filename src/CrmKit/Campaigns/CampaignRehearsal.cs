namespace CrmKit;

/// <summary>
/// What a campaign would do on today's base, computed without writing anything: the audience, how
/// it splits into the holdout and the offers, how many contacts the contact policy would let
/// through and why it would hold back the rest, and the cost against the budget.
/// </summary>
/// <param name="Campaign">The campaign's id.</param>
/// <param name="Audience">Customers in the target and eligible for at least one offer.</param>
/// <param name="Holdout">Of them, held out.</param>
/// <param name="ByOffer">Of them, per offer code, in plan order.</param>
/// <param name="Contactable">Treated customers the contact policy would let through on some channel.</param>
/// <param name="HeldBack">Treated customers it would hold back on every channel, by the reason on their first channel.</param>
/// <param name="Cost">Contactable × cost per contact.</param>
/// <param name="Budget">The plan's budget.</param>
public sealed record CampaignRehearsal(string Campaign, int Audience, int Holdout, IReadOnlyList<KeyValuePair<string, int>> ByOffer,
    int Contactable, IReadOnlyDictionary<SuppressionReason, int> HeldBack, decimal Cost, decimal Budget)
{
    /// <summary>True when the cost fits the budget.</summary>
    public bool WithinBudget => Cost <= Budget;

    /// <summary>
    /// Builds the rehearsal from the audience's assignments and, for each treated customer, the
    /// contact policy's verdict: null when a contact would go through, otherwise the reason it would not.
    /// </summary>
    internal static CampaignRehearsal Of(Campaign campaign, IEnumerable<CampaignAssignment> assignments, Func<CampaignAssignment, SuppressionReason?> policyVerdict)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(policyVerdict);
        var byOffer = campaign.Plan.Offers.ToDictionary(o => o.Code, _ => 0, StringComparer.Ordinal);
        var heldBack = new SortedDictionary<SuppressionReason, int>();
        int audience = 0, holdout = 0, contactable = 0;
        foreach (var assignment in assignments)
        {
            audience++;
            if (assignment.Offer is null)
            {
                holdout++;
                continue;
            }
            byOffer[assignment.Offer] = byOffer.TryGetValue(assignment.Offer, out var n)
                ? n + 1
                : throw new CrmValidationException("assignments", $"customer '{assignment.Customer}' has offer '{assignment.Offer}', which campaign '{campaign.Id}' does not have.");
            if (policyVerdict(assignment) is { } reason) heldBack[reason] = heldBack.GetValueOrDefault(reason) + 1;
            else contactable++;
        }
        return new(campaign.Id, audience, holdout, campaign.Plan.Offers.Select(o => KeyValuePair.Create(o.Code, byOffer[o.Code])).ToArray(),
            contactable, heldBack, campaign.Plan.CostOf(contactable), campaign.Plan.Budget);
    }
}
