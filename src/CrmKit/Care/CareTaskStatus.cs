namespace CrmKit;

/// <summary>Where a care task is in its life: open, then done, declined, expired, withdrawn or unreachable.</summary>
public enum CareTaskStatus
{
    /// <summary>Waiting to be done.</summary>
    Open,

    /// <summary>Done: the contact was made.</summary>
    Done,

    /// <summary>The customer declined the occasion.</summary>
    Declined,

    /// <summary>Not closed within the policy's expiry after its due time.</summary>
    Expired,

    /// <summary>Withdrawn by the closed loop (another channel completed the occasion, or the customer declined it), a merge, or a higher-priority task that displaced it under the frequency cap.</summary>
    Withdrawn,

    /// <summary>Closed without reaching the customer: its contact attempts ran out, or the contact point was wrong.</summary>
    Unreachable,
}
