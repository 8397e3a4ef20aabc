namespace CrmKit;

/// <summary>The steps a campaign's lifecycle allows. Only an approved campaign may start running.</summary>
internal static class CampaignLifecycle
{
    private static readonly Dictionary<CampaignStatus, CampaignStatus[]> Edges = new()
    {
        [CampaignStatus.Draft] = [CampaignStatus.Submitted, CampaignStatus.Cancelled],
        [CampaignStatus.Submitted] = [CampaignStatus.Approved, CampaignStatus.Draft, CampaignStatus.Cancelled],
        [CampaignStatus.Approved] = [CampaignStatus.Running, CampaignStatus.Cancelled],
        [CampaignStatus.Running] = [CampaignStatus.Completed, CampaignStatus.Cancelled],
        [CampaignStatus.Completed] = [],
        [CampaignStatus.Cancelled] = [],
    };

    /// <summary>The statuses reachable in one step from <paramref name="from"/>.</summary>
    internal static IReadOnlyList<CampaignStatus> Allowed(CampaignStatus from) => Edges[from];

    internal static bool IsAllowed(CampaignStatus from, CampaignStatus to) => Edges[from].Contains(to);
}
