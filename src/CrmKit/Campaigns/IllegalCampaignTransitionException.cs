namespace CrmKit;

/// <summary>A campaign was asked to take a step its lifecycle does not allow from where it is; <see cref="Allowed"/> lists the steps it does allow.</summary>
public sealed class IllegalCampaignTransitionException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public IllegalCampaignTransitionException(string campaign, CampaignStatus from, CampaignStatus to, IReadOnlyList<CampaignStatus> allowed)
        : base($"Campaign '{campaign}' cannot move from {Name(from)} to {Name(to)}. Allowed from {Name(from)}: "
            + (allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(Name))) + ".")
    {
        Campaign = campaign;
        From = from;
        To = to;
        Allowed = allowed;
    }

    /// <summary>The campaign's id.</summary>
    public string Campaign { get; }

    /// <summary>Its current status.</summary>
    public CampaignStatus From { get; }

    /// <summary>The requested status.</summary>
    public CampaignStatus To { get; }

    /// <summary>The statuses it may move to from <see cref="From"/>.</summary>
    public IReadOnlyList<CampaignStatus> Allowed { get; }

    private static string Name(CampaignStatus status) => status.ToString().ToLowerInvariant();
}
