namespace CrmKit.Storage;

/// <summary>What the per-customer look-ups of many customers at once do for a store that has no faster way.</summary>
internal static class PerCustomerDefaults
{
    /// <summary>Asks <paramref name="one"/> for each distinct code in ordinal order; codes with nothing are left out.</summary>
    internal static async ValueTask<IReadOnlyDictionary<CustomerCode, IReadOnlyList<T>>> ManyAsync<T>(IReadOnlyCollection<CustomerCode> codes,
        Func<CustomerCode, ValueTask<IReadOnlyList<T>>> one)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var found = new Dictionary<CustomerCode, IReadOnlyList<T>>();
        foreach (var code in codes.Distinct().OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var items = await one(code).ConfigureAwait(false);
            if (items.Count > 0) found[code] = items;
        }
        return found;
    }
}
