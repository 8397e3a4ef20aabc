namespace CrmKit;

/// <summary>
/// The deadlines for cases of a category, priority and customer tier, in working time, and where a
/// case goes when each passes. A null key matches any value; the most specific matching rule wins.
/// Immutable.
/// </summary>
public sealed record CaseDeadlineRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="category">The case category it applies to (lower-case identifier), or null for any.</param>
    /// <param name="priority">The priority it applies to, or null for any.</param>
    /// <param name="tier">The customer tier it applies to (lower-case identifier), or null for any.</param>
    /// <param name="firstResponse">Working time allowed until the first response; positive.</param>
    /// <param name="resolution">Working time allowed until resolution; positive and not shorter than the first response's.</param>
    /// <exception cref="CrmValidationException">A key or a span is not acceptable.</exception>
    public CaseDeadlineRule(string? category, TaskPriority? priority, string? tier, TimeSpan firstResponse, TimeSpan resolution)
    {
        Category = category is null ? null : Require.Identifier(category, "deadlineRule.category");
        if (priority is { } p && !Enum.IsDefined(p)) throw new CrmValidationException("deadlineRule.priority", $"{(int)p} is not a priority.");
        Priority = priority;
        Tier = tier is null ? null : Require.Identifier(tier, "deadlineRule.tier");
        if (firstResponse <= TimeSpan.Zero) throw new CrmValidationException("deadlineRule.firstResponse", $"{firstResponse} is not positive.");
        if (resolution < firstResponse) throw new CrmValidationException("deadlineRule.resolution", $"{resolution} is shorter than the first response's {firstResponse}.");
        FirstResponse = firstResponse;
        Resolution = resolution;
    }

    /// <summary>The category, or null for any.</summary>
    public string? Category { get; }

    /// <summary>The priority, or null for any.</summary>
    public TaskPriority? Priority { get; }

    /// <summary>The customer tier, or null for any.</summary>
    public string? Tier { get; }

    /// <summary>Working time until the first response.</summary>
    public TimeSpan FirstResponse { get; }

    /// <summary>Working time until resolution.</summary>
    public TimeSpan Resolution { get; }

    /// <summary>Where the case goes when the first-response deadline passes; null for no escalation.</summary>
    public EscalationTarget? FirstResponseEscalation { get; init; }

    /// <summary>Where the case goes when the resolution deadline passes; null for no escalation.</summary>
    public EscalationTarget? ResolutionEscalation { get; init; }

    /// <summary>The escalation target for <paramref name="deadline"/>.</summary>
    public EscalationTarget? EscalationFor(CaseDeadline deadline) => deadline == CaseDeadline.FirstResponse ? FirstResponseEscalation : ResolutionEscalation;

    internal bool Matches(string category, TaskPriority priority, string? tier) =>
        (Category is null || Category == category) && (Priority is null || Priority == priority) && (Tier is null || Tier == tier);

    internal int Specificity => (Category is null ? 0 : 1) + (Priority is null ? 0 : 1) + (Tier is null ? 0 : 1);
}
