namespace CrmKit;

/// <summary>A case was asked to change in a way its lifecycle does not allow from its status; <see cref="Allowed"/> lists the statuses it may move to.</summary>
public sealed class IllegalCaseTransitionException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public IllegalCaseTransitionException(long caseId, CaseStatus from, CaseChangeKind change, IReadOnlyList<CaseStatus> allowed)
        : base($"Case {caseId} cannot be {Name(change)} while {Status(from)}. Allowed from {Status(from)}: "
            + (allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(Status))) + ".")
    {
        Case = caseId;
        From = from;
        Change = change;
        Allowed = allowed;
    }

    /// <summary>The case's id (0 before it is stored).</summary>
    public long Case { get; }

    /// <summary>Its status.</summary>
    public CaseStatus From { get; }

    /// <summary>The change asked for.</summary>
    public CaseChangeKind Change { get; }

    /// <summary>The statuses it may move to from <see cref="From"/>.</summary>
    public IReadOnlyList<CaseStatus> Allowed { get; }

    private static string Name(CaseChangeKind kind) => kind switch
    {
        CaseChangeKind.AwaitingCustomer => "set waiting on the customer",
        CaseChangeKind.Resumed => "resumed",
        CaseChangeKind.ContactAttempted => "attempted",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Status(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "in-progress",
        CaseStatus.WaitingOnCustomer => "waiting-on-customer",
        _ => status.ToString().ToLowerInvariant(),
    };
}
