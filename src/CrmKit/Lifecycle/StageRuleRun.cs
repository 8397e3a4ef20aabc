namespace CrmKit;

/// <summary>
/// What one run of stage rules did: the changes it recorded, and every proposal it did not make
/// (not allowed by the model, superseded by an earlier rule, or a rule that failed). Immutable.
/// </summary>
/// <param name="At">The instant the rules were evaluated at; every change is recorded at it.</param>
/// <param name="Evaluated">How many customers the rules were asked about.</param>
/// <param name="Changes">The changes recorded (reason <c>rule NAME</c>, actor <c>stage-rules</c>), by customer code then order.</param>
/// <param name="Reports">The proposals not made, by customer code then order: <see cref="StageRuleOutcome.NotAllowed"/>, <see cref="StageRuleOutcome.Superseded"/> or <see cref="StageRuleOutcome.Failed"/>.</param>
public sealed record StageRuleRun(DateTimeOffset At, int Evaluated, IReadOnlyList<StageChange> Changes, IReadOnlyList<StageRuleReport> Reports)
{
    /// <summary>How many customers changed stage (one may change more than once in a run).</summary>
    public int CustomersChanged => Changes.Select(c => c.Customer).Distinct().Count();

    /// <summary>How many proposals had <paramref name="outcome"/>; for <see cref="StageRuleOutcome.Applied"/>, the changes recorded.</summary>
    public int Count(StageRuleOutcome outcome) =>
        outcome == StageRuleOutcome.Applied ? Changes.Count : Reports.Count(r => r.Outcome == outcome);
}
