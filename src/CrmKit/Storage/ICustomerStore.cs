namespace CrmKit.Storage;

/// <summary>
/// Customers with their stats, merge aliases and merge records. Every write to a customer marks it
/// changed in the <see cref="IChangeFeed"/> under the unit of work's sequence number.
/// </summary>
public interface ICustomerStore
{
    /// <summary>The code a customer is stored under now: a merged-away code gives its survivor, any other code itself.</summary>
    ValueTask<CustomerCode> ResolveAsync(CustomerCode code, CancellationToken cancellationToken);

    /// <summary>The customer stored under exactly <paramref name="code"/> (no alias resolution) with its stats, or null.</summary>
    ValueTask<CustomerRecord?> FindAsync(CustomerCode code, CancellationToken cancellationToken);

    /// <summary>
    /// The customers stored under exactly <paramref name="codes"/> (no alias resolution) with their
    /// stats; codes without a customer are left out. Inside a write a server store may load them
    /// all at once, locking them in ordinal code order; by default each code is found in that order
    /// with <see cref="FindAsync"/>.
    /// </summary>
    ValueTask<IReadOnlyDictionary<CustomerCode, CustomerRecord>> FindManyAsync(IReadOnlyCollection<CustomerCode> codes, CancellationToken cancellationToken) =>
        CustomerStoreDefaults.FindManyAsync(this, codes, cancellationToken);

    /// <summary>The customer stored under exactly <paramref name="code"/> as rules see it (stats and value figures), or null.</summary>
    ValueTask<CustomerSnapshot?> SnapshotAsync(CustomerCode code, CancellationToken cancellationToken);

    /// <summary>Stores a new customer with empty stats.</summary>
    /// <exception cref="DuplicateCustomerException">A customer or a merge alias already holds the code; nothing was written.</exception>
    ValueTask InsertAsync(Customer customer, CancellationToken cancellationToken);

    /// <summary>
    /// Stores new customers with empty stats, as <see cref="InsertAsync"/> would one after another
    /// in the order given (the first code found taken is the one reported). A server store may
    /// write them all with a few set-based statements; by default each is inserted in turn.
    /// </summary>
    /// <exception cref="DuplicateCustomerException">A customer or a merge alias already holds one of the codes; the unit of work writes nothing.</exception>
    ValueTask InsertManyAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) =>
        CustomerStoreDefaults.InsertManyAsync(this, customers, cancellationToken);

    /// <summary>
    /// Replaces a customer's profile (its stats stay) if the stored <see cref="Customer.Version"/> is
    /// <paramref name="expectedVersion"/>; a server store checks that in the row it updates.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The stored version differs; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No customer is stored under the code.</exception>
    ValueTask UpdateAsync(Customer customer, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Replaces the stats kept for a customer.</summary>
    /// <exception cref="CustomerNotFoundException">No customer is stored under the code.</exception>
    ValueTask SetStatsAsync(CustomerCode code, CustomerStats stats, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the merged-away customer of <paramref name="merge"/>, makes its code (and every code
    /// merged into it before) an alias of the survivor, and keeps the record.
    /// </summary>
    ValueTask MergeAwayAsync(MergeRecord merge, CancellationToken cancellationToken);

    /// <summary>The codes merged into <paramref name="survivor"/>, ordinal order.</summary>
    ValueTask<IReadOnlyList<CustomerCode>> AliasesOfAsync(CustomerCode survivor, CancellationToken cancellationToken);

    /// <summary>One page of the customers <paramref name="query"/> selects, in code order (ordinal).</summary>
    ValueTask<Page<Customer>> QueryAsync(CustomerQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>How many customers <paramref name="query"/> selects.</summary>
    ValueTask<int> CountAsync(CustomerQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The snapshot scan for refreshes, previews and sweeps: streams customers as rules see them,
    /// in chunks, never the whole base at once. Inside a write unit of work the scan sees one
    /// consistent state (writes are serialised; a server store uses a repeatable-read snapshot).
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<CustomerSnapshot>> ScanAsync(SnapshotScan scan, CancellationToken cancellationToken);
}
