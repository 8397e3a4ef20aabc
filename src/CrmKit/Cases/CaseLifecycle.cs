namespace CrmKit;

/// <summary>The status moves a case's lifecycle allows.</summary>
internal static class CaseLifecycle
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Edges = new()
    {
        [CaseStatus.Open] = [CaseStatus.Assigned],
        [CaseStatus.Assigned] = [CaseStatus.InProgress, CaseStatus.WaitingOnCustomer, CaseStatus.Resolved],
        [CaseStatus.InProgress] = [CaseStatus.WaitingOnCustomer, CaseStatus.Resolved],
        [CaseStatus.WaitingOnCustomer] = [CaseStatus.InProgress, CaseStatus.Resolved],
        [CaseStatus.Resolved] = [CaseStatus.Closed, CaseStatus.Assigned],
        [CaseStatus.Closed] = [CaseStatus.Assigned],
    };

    internal static IReadOnlyList<CaseStatus> Allowed(CaseStatus from) => Edges[from];

    internal static bool IsAllowed(CaseStatus from, CaseStatus to) => Edges[from].Contains(to);

    /// <summary>True while the case still needs work: not resolved and not closed.</summary>
    internal static bool IsActive(CaseStatus status) => status is not (CaseStatus.Resolved or CaseStatus.Closed);
}
