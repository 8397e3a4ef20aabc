namespace CrmKit.Storage;

/// <summary>
/// Care tasks and suppressions. Each task is stored under a dedup key the domain computes
/// (<see cref="CareKeys"/>); the store keeps the key unique (a unique constraint), so a sweep run
/// twice never stores the same task twice.
/// </summary>
public interface ICareStore
{
    /// <summary>The task with <paramref name="id"/>, or null.</summary>
    ValueTask<CareTask?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Every task of a stored code, by id.</summary>
    ValueTask<IReadOnlyList<CareTask>> OfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>Every task of every customer, by id (a full sweep reads them once).</summary>
    ValueTask<IReadOnlyList<CareTask>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Open tasks due strictly before <paramref name="cutoff"/>, by id.</summary>
    ValueTask<IReadOnlyList<CareTask>> OpenDueBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>One page of the tasks in <paramref name="status"/> (all when null), by id.</summary>
    ValueTask<Page<CareTask>> PageAsync(CareTaskStatus? status, PageRequest page, CancellationToken cancellationToken);

    /// <summary>How many tasks are in each status; every status is present.</summary>
    ValueTask<IReadOnlyDictionary<CareTaskStatus, int>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>True when a task is stored under <paramref name="dedupKey"/>.</summary>
    ValueTask<bool> KeyTakenAsync(string dedupKey, CancellationToken cancellationToken);

    /// <summary>Stores a new task under <paramref name="dedupKey"/> and returns it with its id; null (and nothing written) when the key is taken.</summary>
    ValueTask<CareTask?> InsertAsync(CareTask task, string dedupKey, CancellationToken cancellationToken);

    /// <summary>Rewrites a stored task by id (a transition, or a merge moving it); under <paramref name="dedupKey"/> when given, else under its key.</summary>
    ValueTask UpdateAsync(CareTask task, string? dedupKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a suppression. There is one per customer, occasion key, channel and reason: with
    /// <paramref name="replace"/> a later one replaces it, without it an existing one is kept.
    /// </summary>
    ValueTask PutSuppressionAsync(CareSuppression suppression, bool replace, CancellationToken cancellationToken);

    /// <summary>Every suppression of a stored code.</summary>
    ValueTask<IReadOnlyList<CareSuppression>> SuppressionsOfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>Removes every suppression of a stored code (a merge moves them); returns how many.</summary>
    ValueTask<int> RemoveSuppressionsOfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>How many suppressions are stored for each reason; reasons without any are absent.</summary>
    ValueTask<IReadOnlyDictionary<SuppressionReason, int>> CountSuppressionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The open tasks of many stored codes at once, each customer's by id; codes without open tasks
    /// are left out. Refreshes and sweeps whose rules read open tasks call it once per chunk of
    /// customers; by default each code's tasks are read with <see cref="OfAsync"/> and the open ones kept.
    /// </summary>
    ValueTask<IReadOnlyDictionary<CustomerCode, IReadOnlyList<CareTask>>> OpenOfManyAsync(IReadOnlyCollection<CustomerCode> customers, CancellationToken cancellationToken) =>
        PerCustomerDefaults.ManyAsync(customers, async c => (IReadOnlyList<CareTask>)(await OfAsync(c, cancellationToken).ConfigureAwait(false)).Where(t => t.Status == CareTaskStatus.Open).ToArray());
}
