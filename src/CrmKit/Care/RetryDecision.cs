namespace CrmKit;

/// <summary>The retry policy's answer after the latest attempt.</summary>
/// <param name="Verdict">Whether and why (not) to try again.</param>
/// <param name="NextAt">When to try again, outside quiet hours; null unless <see cref="RetryVerdict.Retry"/>.</param>
/// <param name="Attempts">How many attempts were made so far.</param>
/// <param name="Reason">The particulars in words.</param>
public sealed record RetryDecision(RetryVerdict Verdict, DateTimeOffset? NextAt, int Attempts, string Reason);
