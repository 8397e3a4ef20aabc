namespace CrmKit.Storage;

/// <summary>What <see cref="ICustomerStore"/> does for a store that has no faster way.</summary>
internal static class CustomerStoreDefaults
{
    /// <summary>Finds each code in ordinal order, one at a time.</summary>
    internal static async ValueTask<IReadOnlyDictionary<CustomerCode, CustomerRecord>> FindManyAsync(ICustomerStore store, IReadOnlyCollection<CustomerCode> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var found = new Dictionary<CustomerCode, CustomerRecord>();
        foreach (var code in codes.Distinct().OrderBy(c => c.Value, StringComparer.Ordinal))
            if (await store.FindAsync(code, ct).ConfigureAwait(false) is { } record) found[code] = record;
        return found;
    }

    /// <summary>Inserts each customer in the order given, one at a time.</summary>
    internal static async ValueTask InsertManyAsync(ICustomerStore store, IReadOnlyList<Customer> customers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customers);
        foreach (var customer in customers)
        {
            ct.ThrowIfCancellationRequested();
            await store.InsertAsync(customer, ct).ConfigureAwait(false);
        }
    }
}
