namespace CrmKit;

/// <summary>What recording one contact attempt did.</summary>
/// <param name="Attempt">The stored attempt, with its id.</param>
/// <param name="Retry">
/// The retry policy's answer: when to try again, or why not. For a care task a retry moves the
/// task's due time to the next attempt; reached leaves it open to be completed or declined; a wrong
/// number or spent attempts close it as <see cref="CareTaskStatus.Unreachable"/>.
/// </param>
/// <param name="Task">The care task after the attempt, for an attempt on a task; null otherwise.</param>
/// <param name="Case">The case after the attempt, for an attempt on a case; null otherwise.</param>
public sealed record AttemptResult(ContactAttempt Attempt, RetryDecision Retry, CareTask? Task, ServiceCase? Case);
