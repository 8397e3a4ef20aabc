namespace CrmKit;

/// <summary>
/// The deadlines cases get: rules keyed by category, priority and customer tier, counted in the
/// working time of a <see cref="BusinessCalendar"/>. Immutable.
/// </summary>
public sealed class CaseDeadlinePolicy
{
    /// <summary>Creates a policy.</summary>
    /// <exception cref="CrmValidationException">There are no rules.</exception>
    public CaseDeadlinePolicy(BusinessCalendar calendar, IEnumerable<CaseDeadlineRule> rules)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        Calendar = calendar;
        Rules = rules.ToArray();
        if (Rules.Count == 0) throw new CrmValidationException("deadlinePolicy.rules", "are empty; give at least one (a rule with no keys matches every case).");
        if (Rules.Any(r => r is null)) throw new CrmValidationException("deadlinePolicy.rules", "contain a null rule.");
    }

    /// <summary>The calendar deadlines are counted in.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The rules, in the order given.</summary>
    public IReadOnlyList<CaseDeadlineRule> Rules { get; }

    /// <summary>The most specific rule matching the keys (most keys set; the first listed among equals).</summary>
    /// <exception cref="CrmValidationException">No rule matches.</exception>
    public CaseDeadlineRule RuleFor(string category, TaskPriority priority, string? tier)
    {
        CaseDeadlineRule? best = null;
        foreach (var rule in Rules)
        {
            if (rule.Matches(category, priority, tier) && (best is null || rule.Specificity > best.Specificity)) best = rule;
        }
        return best ?? throw new CrmValidationException("category",
            $"no deadline rule matches category '{category}', priority {priority.ToString().ToLowerInvariant()}, tier '{tier ?? "(none)"}'.");
    }

    /// <summary>The first-response and resolution deadlines of a case opened at <paramref name="openedAt"/>.</summary>
    /// <exception cref="CrmValidationException">No rule matches.</exception>
    public (DateTimeOffset FirstResponse, DateTimeOffset Resolution) DeadlinesFor(string category, TaskPriority priority, string? tier, DateTimeOffset openedAt)
    {
        var rule = RuleFor(category, priority, tier);
        return (Calendar.Add(openedAt, rule.FirstResponse), Calendar.Add(openedAt, rule.Resolution));
    }
}
