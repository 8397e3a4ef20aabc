namespace CrmKit;

/// <summary>
/// One recorded step of a campaign's lifecycle. A campaign's steps form a contiguous chain: the
/// first has no <see cref="From"/> (the campaign was created as a draft), and each later one starts
/// where the previous ended, at the same time or later.
/// </summary>
/// <param name="From">The status before; null for the creation step.</param>
/// <param name="To">The status after.</param>
/// <param name="At">When the step was taken.</param>
/// <param name="Actor">Who took it.</param>
/// <param name="Reason">Why, in the actor's words.</param>
public sealed record CampaignStep(CampaignStatus? From, CampaignStatus To, DateTimeOffset At, string Actor, string Reason);
