namespace CrmKit.Storage;

/// <summary>
/// The change feed. Every committed unit of work that changed a customer (profile, stats,
/// interactions, stage, grade, merge, erasure) takes the next number of one sequence (a database
/// sequence in a server store), and each customer it changed is marked with that number. Refreshes
/// and sweeps keep a cursor and read only what changed since.
/// </summary>
/// <remarks>
/// Numbers only grow, and a reader compares them, never counts them: a server store's sequence may
/// skip numbers (a unit of work that rolls back has used its numbers up, and one may take a number
/// per customer it changes). What every store guarantees is that a unit of work that did not commit
/// leaves no customer changed after the number read before it.
/// </remarks>
public interface IChangeFeed
{
    /// <summary>The number of the last committed unit of work that changed a customer; 0 for a new store.</summary>
    ValueTask<long> SequenceAsync(CancellationToken cancellationToken);

    /// <summary>Marks a customer changed by this unit of work without writing it (for example a customer merged away).</summary>
    ValueTask MarkChangedAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>The codes of customers (live or merged away) changed by units of work numbered after <paramref name="sequence"/>.</summary>
    ValueTask<IReadOnlyCollection<CustomerCode>> ChangedSinceAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>A named cursor (the sequence a job last processed through), or null when never set.</summary>
    ValueTask<long?> CursorAsync(string name, CancellationToken cancellationToken);

    /// <summary>Sets a named cursor.</summary>
    ValueTask SetCursorAsync(string name, long sequence, CancellationToken cancellationToken);
}
