namespace CrmKit.Storage;

/// <summary>The append-only interaction log. Interactions get their ids here, in recording order.</summary>
public interface IInteractionStore
{
    /// <summary>
    /// Appends a batch and, together with it, the stats the domain computed for every customer in it.
    /// Returns the interactions with their ids, in the order given.
    /// </summary>
    ValueTask<IReadOnlyList<Interaction>> AppendAsync(IReadOnlyList<Interaction> batch, IReadOnlyDictionary<CustomerCode, CustomerStats> stats, CancellationToken cancellationToken);

    /// <summary>Every interaction of a stored code, in recording (id) order.</summary>
    ValueTask<IReadOnlyList<Interaction>> OfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>One page of a stored code's interactions, ordered by occurrence (UTC instant), then id.</summary>
    ValueTask<Page<Interaction>> PageAsync(CustomerCode customer, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Rewrites stored interactions by id: the only edits the log allows are a merge moving them to
    /// the survivor and an erasure scrubbing their free text, both decided by the domain.
    /// </summary>
    ValueTask ReplaceAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken);

    /// <summary>How many interactions the log holds.</summary>
    ValueTask<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>Streams the whole log in id order and in chunks; only the given kinds when <paramref name="kinds"/> is set.</summary>
    IAsyncEnumerable<IReadOnlyList<Interaction>> ScanAsync(IReadOnlySet<InteractionKind>? kinds, CancellationToken cancellationToken);

    /// <summary>
    /// The interactions of many stored codes at once, each customer's in recording (id) order; codes
    /// without interactions are left out. Refreshes and sweeps whose rules read interaction metadata
    /// call it once per chunk of customers; by default each code is asked with <see cref="OfAsync"/>.
    /// </summary>
    ValueTask<IReadOnlyDictionary<CustomerCode, IReadOnlyList<Interaction>>> OfManyAsync(IReadOnlyCollection<CustomerCode> customers, CancellationToken cancellationToken) =>
        PerCustomerDefaults.ManyAsync(customers, c => OfAsync(c, cancellationToken));
}
