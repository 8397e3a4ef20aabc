namespace CrmKit.Storage;

/// <summary>
/// The last completed run of each scheduled job, kept in the database so that a restarted host
/// knows which runs it missed; hosts reach it through <see cref="CrmDatabase.JobRuns"/>.
/// </summary>
internal sealed class JobRunLog(CrmContext context) : IJobRunLog
{
    /// <summary>The scheduled instant of the job's last completed run, or null when it never completed.</summary>
    internal DateTimeOffset? LastCompleted(string job) => LastCompletedAsync(job, default).GetAwaiter().GetResult();

    /// <inheritdoc />
    public Task<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        return context.Read((s, c) => s.JobRuns.LastCompletedAsync(job, c), cancellationToken).AsTask();
    }

    /// <summary>Records that the run of <paramref name="job"/> scheduled at <paramref name="scheduledAt"/> completed at <paramref name="completedAt"/>.</summary>
    internal void RecordCompleted(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt) =>
        RecordCompletedAsync(job, scheduledAt, completedAt, default).GetAwaiter().GetResult();

    /// <inheritdoc />
    public Task RecordCompletedAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        return context.Write(async (s, c) =>
        {
            await s.JobRuns.RecordCompletedAsync(job, scheduledAt, completedAt, c).ConfigureAwait(false);
            return true;
        }, cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public async Task RecordAttemptAsync(JobAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentException.ThrowIfNullOrWhiteSpace(attempt.Job);
        ArgumentException.ThrowIfNullOrWhiteSpace(attempt.Instance);
        if (context.Store is IJobLeaseStore shared) await shared.RecordJobAttemptAsync(attempt, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobAttempt>> AttemptsAsync(string job, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        return context.Store is IJobLeaseStore shared ? await shared.JobAttemptsAsync(job, cancellationToken).ConfigureAwait(false) : [];
    }

    /// <inheritdoc />
    public async Task<JobClaim> ClaimAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset? completedSince = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        IAsyncDisposable? lease = null;
        if (context.Store is IJobLeaseStore leases)
        {
            lease = await leases.TryLeaseJobAsync(job, cancellationToken).ConfigureAwait(false);
            if (lease is null) return new JobClaim(JobClaimOutcome.RunningElsewhere, null);
        }
        try
        {
            // Read under the lease: an instance that completed this run released the lease only after recording it.
            if (await LastCompletedAsync(job, cancellationToken).ConfigureAwait(false) is { } last && last >= (completedSince ?? scheduledAt))
            {
                if (lease is not null) await lease.DisposeAsync().ConfigureAwait(false);
                return new JobClaim(JobClaimOutcome.CompletedElsewhere, null);
            }
            return new JobClaim(JobClaimOutcome.Granted, lease);
        }
        catch
        {
            if (lease is not null) await lease.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
