using CrmKit.Storage;

namespace CrmKit.PostgreSql;

/// <summary>
/// The stats of many customers written at once, as an appended batch needs them: one batch of
/// set-based statements (an <c>UPDATE … FROM unnest(…)</c> of the customer rows, then the per-kind
/// and per-channel rows replaced), one round trip whatever the number of customers.
/// </summary>
internal static class StatsRows
{
    internal static async ValueTask WriteAsync(PgSession s, IReadOnlyDictionary<CustomerCode, CustomerStats> stats, CancellationToken ct)
    {
        if (stats.Count == 0) return;
        var statements = Statements(stats, out var codes);
        var affected = await s.BatchAsync(statements, ct).ConfigureAwait(false);
        await CheckAsync(s, codes, affected[0], ct).ConfigureAwait(false);
    }

    /// <summary>The statements that write <paramref name="stats"/>, the customer rows' <c>UPDATE</c> first; <paramref name="codes"/> are the customers it must update.</summary>
    internal static List<(string, object?[])> Statements(IReadOnlyDictionary<CustomerCode, CustomerStats> stats, out string[] codes)
    {
        var all = stats.OrderBy(x => x.Key.Value, StringComparer.Ordinal).ToArray();
        codes = all.Select(x => x.Key.Value).ToArray();
        var statements = new List<(string, object?[])>
        {
            ("""
            UPDATE customers c SET interaction_count = u.interactions, purchase_count = u.purchases, monetary_total = u.monetary,
                first_purchase_at = u.first_at, first_purchase_offset = u.first_offset, last_purchase_at = u.last_at, last_purchase_offset = u.last_offset,
                last_contact_at = u.contact_at, last_contact_offset = u.contact_offset, change_mark = next_change_mark()
            FROM unnest($1::text[], $2::integer[], $3::integer[], $4::numeric[], $5::timestamptz[], $6::smallint[], $7::timestamptz[], $8::smallint[], $9::timestamptz[], $10::smallint[])
                AS u(code, interactions, purchases, monetary, first_at, first_offset, last_at, last_offset, contact_at, contact_offset)
            WHERE c.code = u.code
            """, [codes,
                all.Select(x => x.Value.InteractionCount).ToArray(),
                all.Select(x => x.Value.PurchaseCount).ToArray(),
                all.Select(x => x.Value.MonetaryTotal).ToArray(),
                .. Instants(all.Select(x => x.Value.FirstPurchaseAt)),
                .. Instants(all.Select(x => x.Value.LastPurchaseAt)),
                .. Instants(all.Select(x => x.Value.LastContactAt))]),
            ("DELETE FROM customer_kind_stats WHERE customer_code = ANY($1)", [codes]),
            ("DELETE FROM customer_channel_stats WHERE customer_code = ANY($1)", [codes]),
        };
        var kinds = all.SelectMany(x => x.Value.CountsByKind.Keys.Union(x.Value.LastByKind.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => (Code: x.Key.Value, Kind: k, Count: x.Value.CountsByKind.GetValueOrDefault(k), Last: x.Value.LastByKind.TryGetValue(k, out var at) ? (DateTimeOffset?)at : null))).ToArray();
        if (kinds.Length > 0)
        {
            statements.Add(("""
                INSERT INTO customer_kind_stats (customer_code, kind, interactions, last_at, last_offset)
                SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::timestamptz[], $5::smallint[])
                """, [kinds.Select(k => k.Code).ToArray(), kinds.Select(k => k.Kind).ToArray(), kinds.Select(k => k.Count).ToArray(), .. Instants(kinds.Select(k => k.Last))]));
        }
        var channels = all.SelectMany(x => x.Value.CountsByChannel.Select(c => (Code: x.Key.Value, Channel: c.Key, Count: c.Value))).ToArray();
        if (channels.Length > 0)
        {
            statements.Add(("""
                INSERT INTO customer_channel_stats (customer_code, channel, interactions)
                SELECT * FROM unnest($1::text[], $2::text[], $3::integer[])
                """, [channels.Select(c => c.Code).ToArray(), channels.Select(c => c.Channel).ToArray(), channels.Select(c => c.Count).ToArray()]));
        }
        return statements;
    }

    /// <summary>Throws <see cref="CustomerNotFoundException"/> for a customer the <c>UPDATE</c> did not find.</summary>
    internal static async ValueTask CheckAsync(PgSession s, string[] codes, int updated, CancellationToken ct)
    {
        if (updated == codes.Length) return;
        // The inserts' foreign keys fail first for a missing customer that has figures; either way nothing is kept.
        var present = (await s.ListAsync("SELECT code FROM customers WHERE code = ANY($1)", r => r.GetString(0), ct, (object)codes).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        throw new CustomerNotFoundException(codes.First(c => !present.Contains(c)));
    }

    /// <summary>Optional instants as the two arrays of their columns: UTC <c>timestamptz</c> values and offsets in minutes.</summary>
    private static object?[] Instants(IEnumerable<DateTimeOffset?> values)
    {
        var list = values.ToArray();
        return [list.Select(v => v?.UtcDateTime).ToArray(), list.Select(v => v is { } x ? Sql.Offset(x) : (short?)null).ToArray()];
    }
}
