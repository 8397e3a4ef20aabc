namespace CrmKit;

/// <summary>How one contact attempt ended.</summary>
public enum AttemptOutcome
{
    /// <summary>The customer was reached.</summary>
    Reached,

    /// <summary>Nobody answered.</summary>
    NoAnswer,

    /// <summary>The line was busy.</summary>
    Busy,

    /// <summary>The contact point does not belong to the customer; retrying it is pointless.</summary>
    WrongNumber,

    /// <summary>The customer asked to be contacted again later.</summary>
    CallbackRequested,
}
