namespace CrmKit.Storage;

/// <summary>
/// A store that several processes share implements it beside <see cref="ICrmStore"/>, so that a
/// scheduled job runs on one of them at a time: a lease is the exclusive right to run one job now,
/// held until it is disposed and released by the store when its holder dies. A store that one
/// process holds alone (the embedded file) needs none: every claim is granted.
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
}
