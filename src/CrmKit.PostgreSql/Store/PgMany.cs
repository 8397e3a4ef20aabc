namespace CrmKit.PostgreSql;

/// <summary>Helpers for the look-ups of many customers at once (<c>customer_code = ANY($1)</c>).</summary>
internal static class PgMany
{
    /// <summary>The distinct codes as a text array parameter.</summary>
    internal static string[] Codes(IReadOnlyCollection<CustomerCode> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return [.. customers.Select(c => c.Value).Distinct()];
    }

    /// <summary>Rows grouped by customer, each group in the order read.</summary>
    internal static IReadOnlyDictionary<CustomerCode, IReadOnlyList<T>> Group<T>(List<T> rows, Func<T, CustomerCode> customer) =>
        rows.GroupBy(customer).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)[.. g]);
}
