namespace CrmKit;

/// <summary>What one care sweep did.</summary>
/// <param name="At">The instant the rules were evaluated at.</param>
/// <param name="Evaluated">How many customers were evaluated.</param>
/// <param name="Proposed">How many actions the rules proposed.</param>
/// <param name="Created">How many tasks were created.</param>
/// <param name="AlreadyKnown">Proposals for which a task with the same occasion key and channel already existed.</param>
/// <param name="Suppressed">Proposals the contact policy held back (see <see cref="CareBook.Suppressions"/>).</param>
/// <param name="Expired">Open tasks that expired in this sweep.</param>
/// <param name="Failures">Rules that failed for a customer, in customer then rule order; each failed alone, the sweep went on.</param>
public sealed record SweepResult(DateTimeOffset At, int Evaluated, int Proposed, int Created, int AlreadyKnown, int Suppressed, int Expired, IReadOnlyList<EvaluationFailure> Failures)
{
    /// <summary>How many proposals each reason held back; the counts add up to <see cref="Suppressed"/>.</summary>
    public IReadOnlyDictionary<SuppressionReason, int> SuppressedBy { get; init; } = new Dictionary<SuppressionReason, int>();

    /// <summary>Open tasks withdrawn to make room under the cap for a higher-priority proposal (<see cref="CapPriorityMode.HigherPriorityDisplaces"/>); each is recorded as a <see cref="SuppressionReason.Displaced"/> suppression.</summary>
    public int Displaced { get; init; }

    /// <summary>
    /// What the stage rules did in this sweep (they run before the care rules, so care rules see the
    /// customers in their new stages); null when the sweep ran no stage rules.
    /// </summary>
    public StageRuleRun? Stages { get; init; }
}
