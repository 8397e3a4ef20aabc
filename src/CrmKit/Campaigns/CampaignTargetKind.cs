namespace CrmKit;

/// <summary>How a campaign's target audience is chosen.</summary>
public enum CampaignTargetKind
{
    /// <summary>The members of a stored segment, by the segment's name.</summary>
    Segment,

    /// <summary>Customers matching a built-in filter.</summary>
    Filter,

    /// <summary>Customers a segment script selects, by the script's reference.</summary>
    Script,
}
