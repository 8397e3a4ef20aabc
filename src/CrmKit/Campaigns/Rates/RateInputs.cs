namespace CrmKit;

/// <summary>An at-risk customer for the retention-success rate: whether they were contacted and whether they stayed.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="At">When they were found at risk (the period they count in).</param>
/// <param name="Contacted">True when a retention contact was made (a task done).</param>
/// <param name="Stayed">True when they had not churned by the end of the observation.</param>
/// <param name="Context">What they can be cut by.</param>
internal sealed record RetentionCase(CustomerCode Customer, DateTimeOffset At, bool Contacted, bool Stayed, RateContext Context);

/// <summary>One customer's history for the churn rate: stage changes and purchase instants, in any order.</summary>
internal sealed record ChurnSubject(CustomerCode Customer, IReadOnlyList<StageChange> Stages, IReadOnlyList<DateTimeOffset> Purchases, RateContext Context);

/// <summary>An offer put to a customer and, if they answered, whether they accepted.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="At">When the offer was made.</param>
/// <param name="Accepted">True for accepted, false for declined, null while undecided (not counted).</param>
/// <param name="Context">What it can be cut by.</param>
internal sealed record OfferDecision(CustomerCode Customer, DateTimeOffset At, bool? Accepted, RateContext Context);

/// <summary>A customer invited to take part (in a campaign, an event, a programme) and whether they did.</summary>
internal sealed record ParticipationCase(CustomerCode Customer, DateTimeOffset At, bool Participated, RateContext Context);
