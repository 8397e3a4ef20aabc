namespace CrmKit;

/// <summary>
/// One recorded grading event: a grade assigned (changed) or a grade confirmed by a review.
/// </summary>
/// <param name="Customer">The graded customer.</param>
/// <param name="From">The grade before; null when the customer had none.</param>
/// <param name="To">The grade after (equal to <paramref name="From"/> for a review).</param>
/// <param name="At">When it happened.</param>
/// <param name="Reason">Why, in the actor's words.</param>
/// <param name="Actor">Who graded or reviewed.</param>
/// <param name="IsReview">True when the grade was confirmed rather than changed.</param>
public sealed record GradeChange(CustomerCode Customer, string? From, string To, DateTimeOffset At, string Reason, string Actor, bool IsReview)
{
    /// <summary>The code of the merged-away customer this change was recorded for; null for the customer's own changes.</summary>
    public CustomerCode? MergedFrom { get; init; }
}
