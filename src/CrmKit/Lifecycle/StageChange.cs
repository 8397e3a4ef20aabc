namespace CrmKit;

/// <summary>
/// One recorded stage change. A customer's own changes form a contiguous chain: the first has no
/// <see cref="From"/> (the customer was created in <see cref="To"/>), and each later one starts
/// where the previous ended. Changes carried over from a customer merged into this one keep
/// <see cref="MergedFrom"/>, so they stay apart from that chain.
/// </summary>
/// <param name="Customer">The customer whose stage changed.</param>
/// <param name="From">The stage before; null for the stage a customer was created in.</param>
/// <param name="To">The stage after.</param>
/// <param name="At">When the change took effect.</param>
/// <param name="Reason">Why, in the actor's words.</param>
/// <param name="Actor">Who made the change (a user, a rule, a job).</param>
public sealed record StageChange(CustomerCode Customer, StageId? From, StageId To, DateTimeOffset At, string Reason, string Actor)
{
    /// <summary>The code of the merged-away customer this change was recorded for; null for the customer's own changes.</summary>
    public CustomerCode? MergedFrom { get; init; }
}
