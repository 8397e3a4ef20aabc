namespace CrmKit;

/// <summary>Why the contact policy held back a proposed care action or withdrew a task.</summary>
public enum SuppressionReason
{
    /// <summary>The customer opted out of the channel.</summary>
    OptedOut,

    /// <summary>The policy requires an opt-in and the customer gave none on the channel.</summary>
    NoConsent,

    /// <summary>The channel's frequency cap for the customer is reached around the due time.</summary>
    FrequencyCap,

    /// <summary>The occasion was already completed or declined on some channel.</summary>
    OccasionClosed,

    /// <summary>An open task was withdrawn because another channel completed the occasion or the customer declined it.</summary>
    ClosedLoop,

    /// <summary>An open task not yet attempted was withdrawn to make room under the frequency cap for a higher-priority one.</summary>
    Displaced,
}
