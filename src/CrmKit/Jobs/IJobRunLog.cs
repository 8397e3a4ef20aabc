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
}
