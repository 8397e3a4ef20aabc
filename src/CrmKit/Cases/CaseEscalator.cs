namespace CrmKit;

/// <summary>
/// Finds and applies the escalations a case is due, as a pure function. A deadline escalates when
/// it has passed, it was not met (for the first response: no response yet), the case is still
/// active, the matching deadline rule names a target, and it has not escalated before: so each
/// deadline escalates at most once, however often this runs.
/// </summary>
internal static class CaseEscalator
{
    /// <summary>The deadlines of <paramref name="serviceCase"/> that should escalate at <paramref name="now"/>, with their targets.</summary>
    internal static IReadOnlyList<(CaseDeadline Deadline, EscalationTarget Target)> Due(ServiceCase serviceCase, DateTimeOffset now, CaseDeadlinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(serviceCase);
        ArgumentNullException.ThrowIfNull(policy);
        if (!CaseLifecycle.IsActive(serviceCase.Status)) return [];
        var rule = policy.RuleFor(serviceCase.Category, serviceCase.Priority, serviceCase.Tier);
        var due = new List<(CaseDeadline, EscalationTarget)>(2);
        if (serviceCase.FirstResponseAt is null && now > serviceCase.FirstResponseDue && !serviceCase.IsEscalated(CaseDeadline.FirstResponse)
            && rule.FirstResponseEscalation is { } first)
            due.Add((CaseDeadline.FirstResponse, first));
        if (now > serviceCase.ResolutionDue && !serviceCase.IsEscalated(CaseDeadline.Resolution) && rule.ResolutionEscalation is { } resolution)
            due.Add((CaseDeadline.Resolution, resolution));
        return due;
    }

    /// <summary>Applies every escalation due at <paramref name="now"/>; the case is returned unchanged when none is.</summary>
    internal static ServiceCase Apply(ServiceCase serviceCase, DateTimeOffset now, CaseDeadlinePolicy policy, string actor = "escalation")
    {
        foreach (var (deadline, target) in Due(serviceCase, now, policy))
            serviceCase = serviceCase.Escalate(deadline, target, actor, now);
        return serviceCase;
    }
}
