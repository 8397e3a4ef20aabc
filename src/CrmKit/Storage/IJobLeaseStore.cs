namespace CrmKit.Storage;

/// <summary>
/// A store that several processes share implements it beside <see cref="ICrmStore"/>, so that a
/// scheduled job runs on one of them at a time: a lease is the exclusive right to run one job now,
/// held until it is disposed and released by the store when its holder dies. The store also keeps
/// what each instance did about each run (<see cref="JobAttempt"/>). A store that one process holds
/// alone (the embedded file) needs none of this: every claim is granted.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IJobLeaseStore
{
    /// <summary>
    /// Takes the lease on <paramref name="job"/> without waiting: the lease, to dispose once the run
    /// and its record are done, or null when another process holds it.
    /// </summary>
    /// <exception cref="CrmStorageException">The store failed; no lease is held.</exception>
    ValueTask<IAsyncDisposable?> TryLeaseJobAsync(string job, CancellationToken cancellationToken);

    /// <summary>Appends what an instance did about a scheduled run, in a transaction of its own.</summary>
    /// <exception cref="CrmStorageException">The store failed; nothing was written.</exception>
    ValueTask RecordJobAttemptAsync(JobAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The recorded attempts of <paramref name="job"/>, oldest first.</summary>
    /// <exception cref="CrmStorageException">The store failed.</exception>
    ValueTask<IReadOnlyList<JobAttempt>> JobAttemptsAsync(string job, CancellationToken cancellationToken);
}
