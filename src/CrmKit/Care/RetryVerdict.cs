namespace CrmKit;

/// <summary>What a <see cref="RetryPolicy"/> says after an attempt.</summary>
public enum RetryVerdict
{
    /// <summary>Try again at <see cref="RetryDecision.NextAt"/>.</summary>
    Retry,

    /// <summary>The customer was reached; no retry.</summary>
    Reached,

    /// <summary>The contact point is wrong; retrying it is pointless.</summary>
    WrongNumber,

    /// <summary>The attempts ran out (or the next one would fall after the task expires): the task should close as unreachable.</summary>
    Exhausted,
}
