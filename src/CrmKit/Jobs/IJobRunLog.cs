namespace CrmKit;

/// <summary>
/// The last completed run of each scheduled job, kept in the database so that a restarted host
/// knows which runs it missed. Hosts that schedule jobs (CrmKit.Hosting) read and write it through
/// <see cref="CrmDatabase.JobRuns"/>. Thread-safe.
/// </summary>
public interface IJobRunLog
{
    /// <summary>The scheduled instant of the last completed run of <paramref name="job"/>, or null when it never completed.</summary>
    /// <param name="job">The job's name, such as <c>care-sweep</c>.</param>
    /// <param name="cancellationToken">Stops waiting for the read.</param>
    /// <exception cref="ArgumentException">The job name is empty.</exception>
    Task<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the run of <paramref name="job"/> scheduled at <paramref name="scheduledAt"/>
    /// completed at <paramref name="completedAt"/>, replacing the job's previous record. One transaction.
    /// </summary>
    /// <param name="job">The job's name, such as <c>care-sweep</c>.</param>
    /// <param name="scheduledAt">The instant the run was due.</param>
    /// <param name="completedAt">The instant the run completed.</param>
    /// <param name="cancellationToken">Cancels the write before it starts; once started it commits completely.</param>
    /// <exception cref="ArgumentException">The job name is empty.</exception>
    Task RecordCompletedAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the run of <paramref name="job"/> due at <paramref name="scheduledAt"/> for this instance,
    /// without waiting. In a database that several instances share (a server store), the claim takes
    /// the job's lease, so that one instance runs the job at a time, then checks that no instance has
    /// completed this run already: the job's last completed run was due at or after
    /// <paramref name="completedSince"/>. Dispose the claim after <see cref="RecordCompletedAsync"/>.
    /// A database one process holds alone grants every claim that finds the run not completed.
    /// </summary>
    /// <param name="job">The job's name, such as <c>care-sweep</c>.</param>
    /// <param name="scheduledAt">The instant the run is due.</param>
    /// <param name="completedSince">
    /// A completed run due at or after this instant counts as this run done; <paramref name="scheduledAt"/>
    /// when null. An interval job whose instances start at different moments gives the instant just
    /// after its previous due one, so that a run of any instance within the interval covers it.
    /// </param>
    /// <param name="cancellationToken">Stops waiting for the store.</param>
    /// <returns>The claim: granted, or why the run is to be skipped.</returns>
    /// <exception cref="ArgumentException">The job name is empty.</exception>
    /// <exception cref="CrmStorageException">The store failed; no lease is held.</exception>
    Task<JobClaim> ClaimAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset? completedSince = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records what this instance did about a scheduled run, in a database that several instances
    /// share (a server store); a database one process holds alone keeps no attempts, and this does nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="attempt"/> is null.</exception>
    /// <exception cref="CrmStorageException">The store failed; nothing was written.</exception>
    Task RecordAttemptAsync(JobAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>The attempts recorded for <paramref name="job"/>, oldest first; empty for a database one process holds alone.</summary>
    /// <exception cref="ArgumentException">The job name is empty.</exception>
    /// <exception cref="CrmStorageException">The store failed.</exception>
    Task<IReadOnlyList<JobAttempt>> AttemptsAsync(string job, CancellationToken cancellationToken = default);
}
