namespace CrmKit.Storage;

/// <summary>
/// The record of service operations: contact attempts on care tasks and cases, and owner changes
/// of customers and care tasks. Both are append-only and numbered by the store; only a merge (which
/// moves a customer's records to the survivor) and an erasure (which drops their notes) rewrite them.
/// </summary>
public interface IOperationStore
{
    /// <summary>Stores an attempt and returns it with the id the store gave it (numbered from 1).</summary>
    ValueTask<ContactAttempt> AppendAttemptAsync(ContactAttempt attempt, CancellationToken cancellationToken);

    /// <summary>The attempts on care task <paramref name="task"/>, by id.</summary>
    ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfTaskAsync(long task, CancellationToken cancellationToken);

    /// <summary>The attempts on case <paramref name="caseId"/>, by id.</summary>
    ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfCaseAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>Every attempt on a stored customer code, by id.</summary>
    ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>The attempts made in [<paramref name="from"/>, <paramref name="to"/>), by id.</summary>
    ValueTask<IReadOnlyList<ContactAttempt>> AttemptsBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>How many attempts each of <paramref name="tasks"/> has; tasks without any are absent.</summary>
    ValueTask<IReadOnlyDictionary<long, int>> AttemptCountsAsync(IReadOnlyCollection<long> tasks, CancellationToken cancellationToken);

    /// <summary>Stores an owner change and returns it with the id the store gave it (numbered from 1).</summary>
    ValueTask<OwnerChange> AppendOwnerChangeAsync(OwnerChange change, CancellationToken cancellationToken);

    /// <summary>Every owner change of a stored customer code (of the customer and of its tasks), by id.</summary>
    ValueTask<IReadOnlyList<OwnerChange>> OwnerChangesOfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>The owner changes of care task <paramref name="task"/>, by id.</summary>
    ValueTask<IReadOnlyList<OwnerChange>> OwnerChangesOfTaskAsync(long task, CancellationToken cancellationToken);

    /// <summary>Moves every attempt and owner change of <paramref name="merged"/> to <paramref name="survivor"/> (a merge); returns how many.</summary>
    ValueTask<int> MoveCustomerAsync(CustomerCode merged, CustomerCode survivor, CancellationToken cancellationToken);

    /// <summary>Drops the notes of every attempt and owner change of <paramref name="customer"/> (an erasure); returns how many records changed.</summary>
    ValueTask<int> EraseNotesAsync(CustomerCode customer, CancellationToken cancellationToken);
}
