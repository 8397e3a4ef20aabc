using CrmKit.Storage;
using NpgsqlTypes;

namespace CrmKit.PostgreSql;

/// <summary>
/// The stats of many customers written at once, as an appended batch needs them: one
/// <c>UPDATE … FROM unnest(…)</c> of the customer rows, whatever the number of customers, with the
/// per-kind and per-channel figures as slices of flat arrays (<see cref="Slices"/>) and one new
/// change mark for the whole statement.
/// </summary>
internal static class StatsRows
{
    internal const string Update = """
        UPDATE customers c SET interaction_count = u.interactions, purchase_count = u.purchases, monetary_total = u.monetary,
            first_purchase_at = u.first_at, first_purchase_offset = u.first_offset, last_purchase_at = u.last_at, last_purchase_offset = u.last_offset,
            last_contact_at = u.contact_at, last_contact_offset = u.contact_offset,
            kind_names = ($15::text[])[u.kinds_from:u.kinds_to], kind_counts = ($16::integer[])[u.kinds_from:u.kinds_to],
            kind_last_at = ($17::timestamptz[])[u.kinds_from:u.kinds_to], kind_last_offsets = ($18::smallint[])[u.kinds_from:u.kinds_to],
            channel_names = ($19::text[])[u.channels_from:u.channels_to], channel_counts = ($20::integer[])[u.channels_from:u.channels_to],
            change_mark = (SELECT next_change_mark())
        FROM unnest($1::text[], $2::integer[], $3::integer[], $4::numeric[], $5::timestamptz[], $6::smallint[], $7::timestamptz[], $8::smallint[],
                $9::timestamptz[], $10::smallint[], $11::integer[], $12::integer[], $13::integer[], $14::integer[])
            AS u(code, interactions, purchases, monetary, first_at, first_offset, last_at, last_offset, contact_at, contact_offset,
                kinds_from, kinds_to, channels_from, channels_to)
        WHERE c.code = u.code
        """;

    internal static async ValueTask WriteAsync(PgSession s, IReadOnlyDictionary<CustomerCode, CustomerStats> stats, CancellationToken ct)
    {
        if (stats.Count == 0) return;
        var args = Args(stats, out var codes);
        var updated = await s.ExecuteAsync(Update, ct, args).ConfigureAwait(false);
        await CheckAsync(s, codes, updated, ct).ConfigureAwait(false);
    }

    /// <summary>The parameters of <see cref="Update"/> for <paramref name="stats"/>; <paramref name="codes"/> are the customers it must update, in ordinal order.</summary>
    internal static object?[] Args(IReadOnlyDictionary<CustomerCode, CustomerStats> stats, out string[] codes)
    {
        var n = stats.Count;
        codes = new string[n];
        var all = new CustomerStats[n];
        var at = 0;
        foreach (var (code, value) in stats)
        {
            codes[at] = code.Value;
            all[at++] = value;
        }
        // Rows are updated in code order, the order in which the write locked them.
        Array.Sort(codes, all, StringComparer.Ordinal);
        var interactions = new int[n];
        var purchases = new int[n];
        var monetary = new decimal[n];
        var firstAt = new DateTime?[n];
        var firstOffset = new short?[n];
        var lastAt = new DateTime?[n];
        var lastOffset = new short?[n];
        var contactAt = new DateTime?[n];
        var contactOffset = new short?[n];
        var kindSlices = new Slices(n);
        var channelSlices = new Slices(n);
        var kindNames = new List<string>();
        var kindCounts = new List<int>();
        var kindLastAt = new List<DateTime?>();
        var kindLastOffsets = new List<short?>();
        var channelNames = new List<string>();
        var channelCounts = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var x = all[i];
            interactions[i] = x.InteractionCount;
            purchases[i] = x.PurchaseCount;
            monetary[i] = x.MonetaryTotal;
            (firstAt[i], firstOffset[i]) = Split(x.FirstPurchaseAt);
            (lastAt[i], lastOffset[i]) = Split(x.LastPurchaseAt);
            (contactAt[i], contactOffset[i]) = Split(x.LastContactAt);
            var before = kindNames.Count;
            foreach (var kind in x.CountsByKind.Keys.Union(x.LastByKind.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                kindNames.Add(kind);
                kindCounts.Add(x.CountsByKind.GetValueOrDefault(kind));
                var (lastKindAt, lastKindOffset) = Split(x.LastByKind.TryGetValue(kind, out var last) ? last : null);
                kindLastAt.Add(lastKindAt);
                kindLastOffsets.Add(lastKindOffset);
            }
            kindSlices.Add(kindNames.Count - before);
            before = channelNames.Count;
            foreach (var (channel, count) in x.CountsByChannel.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                channelNames.Add(channel);
                channelCounts.Add(count);
            }
            channelSlices.Add(channelNames.Count - before);
        }
        return
        [
            codes, interactions, purchases, monetary, Sql.Instants(firstAt), firstOffset, Sql.Instants(lastAt), lastOffset, Sql.Instants(contactAt), contactOffset,
            kindSlices.From, kindSlices.To, channelSlices.From, channelSlices.To,
            kindNames.ToArray(), kindCounts.ToArray(), Sql.Instants(kindLastAt.ToArray()), kindLastOffsets.ToArray(), channelNames.ToArray(), channelCounts.ToArray(),
        ];
    }

    /// <summary>Throws <see cref="CustomerNotFoundException"/> for a customer the <c>UPDATE</c> did not find.</summary>
    internal static async ValueTask CheckAsync(PgSession s, string[] codes, int updated, CancellationToken ct)
    {
        if (updated == codes.Length) return;
        var present = (await s.ListAsync("SELECT code FROM customers WHERE code = ANY($1)", r => r.GetString(0), ct, (object)codes).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        throw new CustomerNotFoundException(codes.First(c => !present.Contains(c)));
    }

    /// <summary>An optional instant as its two columns: the UTC <c>timestamptz</c> and the offset in minutes.</summary>
    private static (DateTime?, short?) Split(DateTimeOffset? value) => value is { } v ? (v.UtcDateTime, Sql.Offset(v)) : (null, null);
}
