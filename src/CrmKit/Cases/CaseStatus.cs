namespace CrmKit;

/// <summary>
/// Where a case is: open → assigned → in progress ⇄ waiting on customer → resolved → closed. A
/// resolved or closed case may be reopened, which takes it back to assigned.
/// </summary>
public enum CaseStatus
{
    /// <summary>Opened; nobody owns it yet.</summary>
    Open,

    /// <summary>An owner has it.</summary>
    Assigned,

    /// <summary>Being worked on.</summary>
    InProgress,

    /// <summary>Waiting for the customer to answer.</summary>
    WaitingOnCustomer,

    /// <summary>Resolved, with a root cause.</summary>
    Resolved,

    /// <summary>Closed.</summary>
    Closed,
}
