namespace CrmKit;

/// <summary>What a recorded case change was.</summary>
public enum CaseChangeKind
{
    /// <summary>The case was opened.</summary>
    Opened,

    /// <summary>An owner was given to an open case.</summary>
    Assigned,

    /// <summary>The case moved from one owner to another.</summary>
    Transferred,

    /// <summary>Work started.</summary>
    Started,

    /// <summary>Someone answered the customer.</summary>
    Responded,

    /// <summary>The case waits for the customer.</summary>
    AwaitingCustomer,

    /// <summary>The customer answered; work resumes.</summary>
    Resumed,

    /// <summary>A deadline passed and the case was escalated.</summary>
    Escalated,

    /// <summary>The case was resolved.</summary>
    Resolved,

    /// <summary>The case was closed.</summary>
    Closed,

    /// <summary>A resolved or closed case was reopened.</summary>
    Reopened,

    /// <summary>Someone tried to contact the customer about the case; the note says how it ended. Reaching the customer counts as a response.</summary>
    ContactAttempted,
}
