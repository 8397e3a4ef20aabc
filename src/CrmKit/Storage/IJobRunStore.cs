namespace CrmKit.Storage;

/// <summary>The last completed run of each scheduled job, so a restarted host knows what it missed.</summary>
public interface IJobRunStore
{
    /// <summary>The scheduled instant of the job's last completed run, or null.</summary>
    ValueTask<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken cancellationToken);

    /// <summary>Records that the run of <paramref name="job"/> scheduled at <paramref name="scheduledAt"/> completed at <paramref name="completedAt"/>.</summary>
    ValueTask RecordCompletedAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt, CancellationToken cancellationToken);
}
