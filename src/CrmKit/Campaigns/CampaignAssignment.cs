namespace CrmKit;

/// <summary>
/// Which arm of a campaign one customer is in: an offer, or the holdout (<see cref="Offer"/> null).
/// Recorded before anyone is contacted. Immutable.
/// </summary>
/// <param name="Campaign">The campaign's id.</param>
/// <param name="Customer">The customer.</param>
/// <param name="Offer">The offer's code; null for the holdout.</param>
/// <param name="At">When the customer was assigned; the attribution window opens here.</param>
public sealed record CampaignAssignment(string Campaign, CustomerCode Customer, string? Offer, DateTimeOffset At)
{
    /// <summary>True when the customer is held out: the campaign never contacts them.</summary>
    public bool IsHoldout => Offer is null;

    /// <summary>The arm's name: the offer's code, or <c>holdout</c>.</summary>
    public string Arm => Offer ?? CampaignOffer.HoldoutCode;
}
