namespace CrmKit;

/// <summary>
/// What one instance did about one scheduled run of a job, as recorded in a database that several
/// instances share: so that "who ran last night's sweep, and who skipped it" has an answer. Immutable.
/// </summary>
/// <param name="Job">The job's name, such as <c>care-sweep</c>.</param>
/// <param name="ScheduledAt">The instant the run was due.</param>
/// <param name="Instance">The instance that recorded it (a host's <c>InstanceName</c>, by default its machine and process).</param>
/// <param name="Outcome">Completed, skipped or failed.</param>
/// <param name="Detail">Why it was skipped (<c>running-elsewhere</c>, <c>completed-elsewhere</c>, <c>still-running</c>) or how it failed; null for a completed run.</param>
/// <param name="RecordedAt">When the instance recorded it.</param>
public sealed record JobAttempt(string Job, DateTimeOffset ScheduledAt, string Instance, JobAttemptOutcome Outcome, string? Detail, DateTimeOffset RecordedAt);
