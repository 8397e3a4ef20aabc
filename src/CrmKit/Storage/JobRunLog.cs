namespace CrmKit.Storage;

/// <summary>
/// The last completed run of each scheduled job, kept in the database so that a restarted host
/// knows which runs it missed. Used by CrmKit.Hosting.
/// </summary>
internal sealed class JobRunLog(CrmContext context)
{
    /// <summary>The scheduled instant of the job's last completed run, or null when it never completed.</summary>
    internal DateTimeOffset? LastCompleted(string job) => LastCompletedAsync(job, default).Wait();

    internal ValueTask<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        return context.Read((s, c) => s.JobRuns.LastCompletedAsync(job, c), ct);
    }

    /// <summary>Records that the run of <paramref name="job"/> scheduled at <paramref name="scheduledAt"/> completed at <paramref name="completedAt"/>.</summary>
    internal void RecordCompleted(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt) =>
        RecordCompletedAsync(job, scheduledAt, completedAt, default).Wait();

    internal ValueTask<bool> RecordCompletedAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        return context.Write(async (s, c) =>
        {
            await s.JobRuns.RecordCompletedAsync(job, scheduledAt, completedAt, c).ConfigureAwait(false);
            return true;
        }, ct);
    }
}
