namespace CrmKit;

/// <summary>
/// A running campaign as a care rule, so treated customers get their contacts through the same
/// sweep, contact policy and closed loop as any other care: one action per campaign channel, with
/// the occasion key <c>campaign.{id}:{offer}</c>, so a re-run never makes a second task and a
/// contact completed on one channel stands the others down. Held-out customers, customers without
/// an assignment, and any moment outside the campaign's window or while it is not running get no
/// action at all.
/// </summary>
/// <param name="campaign">The campaign; it proposes only while running.</param>
/// <param name="assignmentOf">The customer's recorded assignment, or null when the customer is not in the audience.</param>
/// <param name="priority">The priority of the campaign's tasks.</param>
internal sealed class CampaignCareRule(Campaign campaign, Func<CustomerCode, CampaignAssignment?> assignmentOf, TaskPriority priority = TaskPriority.Normal) : ICareRule
{
    /// <summary>The rule name of <paramref name="campaign"/>: <c>campaign.{id}</c>.</summary>
    internal static string NameOf(string campaign) => "campaign." + campaign;

    public string Name { get; } = NameOf(campaign.Id);

    public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (campaign.Status != CampaignStatus.Running || !campaign.Plan.Window.Contains(now)) return [];
        if (assignmentOf(customer.Customer.Code) is not { Offer: { } code } assignment || assignment.Campaign != campaign.Id) return [];
        var offer = campaign.Plan.Offer(code);
        if (offer is null) return [];
        var due = assignment.At > now ? assignment.At : now;
        return campaign.Plan.Channels.Select(channel => new CareAction(code, due, channel, priority)
        {
            Note = $"{campaign.Plan.Name}: {offer.Description}",
        }).ToArray();
    }
}
