namespace CrmKit.Storage;

/// <summary>
/// The store contract: where a CrmKit database keeps its data. The domain reads and writes only
/// through it, in units of work: <see cref="WriteAsync{T}"/> commits everything the work wrote or,
/// when the work throws or is cancelled, nothing. Records crossing the contract are domain types.
/// The embedded file store is the default; a server store implements the same contract and runs
/// the same contract test suite.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. Writes are serialised (or isolated so that they behave as if
/// serialised): derived data written in one unit of work (stats, change marks, history) can never
/// interleave with another writer's. A read unit of work sees committed data only.
/// </remarks>
public interface ICrmStore : IDisposable
{
    /// <summary>Where the data lives, for messages: a file path, a server and database name, or <c>(in memory)</c>.</summary>
    string Location { get; }

    /// <summary>Runs <paramref name="work"/> against committed data. Writing inside it throws <see cref="InvalidOperationException"/>.</summary>
    /// <exception cref="CrmStorageException">The store failed; the message names <see cref="Location"/> and what went wrong.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<T> ReadAsync<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction: when it returns, everything it wrote is
    /// committed under one new change sequence number; when it throws (a validation error, a
    /// conflict, a cancellation), nothing it wrote is kept.
    /// </summary>
    /// <exception cref="CrmStorageException">The store failed; nothing was written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was written.</exception>
    ValueTask<T> WriteAsync<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken);

    /// <summary>Makes committed changes durable in the main data file (a store without a separate log does nothing).</summary>
    void Checkpoint();
}
