namespace CrmKit.Storage;

/// <summary>
/// Service cases, each kept whole in one record, numbered by the store, and found by customer,
/// owner and whether they are still active.
/// </summary>
public interface ICaseStore
{
    /// <summary>Stores a new case and returns the id the store gave it.</summary>
    ValueTask<long> InsertAsync(CaseRecord record, CancellationToken cancellationToken);

    /// <summary>The case, or null.</summary>
    ValueTask<CaseRecord?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored case <see cref="CaseRecord.Id"/> with <paramref name="record"/>, a later
    /// state of it. <paramref name="expectedChanges"/> is the number of changes the new state was based on.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The stored case has another number of changes: someone else changed it.</exception>
    /// <exception cref="CaseNotFoundException">No case has the id.</exception>
    ValueTask UpdateAsync(CaseRecord record, int expectedChanges, CancellationToken cancellationToken);

    /// <summary>The cases <paramref name="query"/> selects, in id order.</summary>
    ValueTask<IReadOnlyList<CaseRecord>> ListAsync(CaseQuery query, CancellationToken cancellationToken);
}
