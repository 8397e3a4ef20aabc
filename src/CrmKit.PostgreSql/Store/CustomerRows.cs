using CrmKit.PostgreSql.Customers;
using CrmKit.Storage;
using CrmKit.Value;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>How a customer, its stats and its latest value are read from and written to their rows.</summary>
internal static class CustomerRows
{
    /// <summary>
    /// The customers and their child rows folded into arrays, for <c>SELECT {Columns} FROM {From} …</c>:
    /// one lateral aggregate per child table, so a scan of many customers looks each table up once
    /// per customer (not once per column). An aggregate of no rows is null, read as an empty array.
    /// </summary>
    internal const string From = """
        customers c
        LEFT JOIN LATERAL (SELECT array_agg(p.kind ORDER BY p.position) AS kinds, array_agg(p.value ORDER BY p.position) AS vals
            FROM contact_points p WHERE p.customer_code = c.code) cp ON true
        LEFT JOIN LATERAL (SELECT array_agg(n.channel ORDER BY n.channel) AS channels, array_agg(n.granted ORDER BY n.channel) AS granted,
            array_agg(n.decided_at ORDER BY n.channel) AS decided_at, array_agg(n.decided_offset ORDER BY n.channel) AS decided_offsets
            FROM consents n WHERE n.customer_code = c.code) cn ON true
        LEFT JOIN LATERAL (SELECT array_agg(k.kind ORDER BY k.kind) AS kinds, array_agg(k.interactions ORDER BY k.kind) AS counts,
            array_agg(k.last_at ORDER BY k.kind) AS last_at, array_agg(k.last_offset ORDER BY k.kind) AS last_offsets
            FROM customer_kind_stats k WHERE k.customer_code = c.code) ks ON true
        LEFT JOIN LATERAL (SELECT array_agg(h.channel ORDER BY h.channel) AS channels, array_agg(h.interactions ORDER BY h.channel) AS counts
            FROM customer_channel_stats h WHERE h.customer_code = c.code) hs ON true
        """;

    /// <summary>The select list for customer <c>c</c> of <see cref="From"/>: profile, stats and the child rows as arrays.</summary>
    internal const string Columns = """
        c.code, c.name, c.owner, c.grade, c.grade_reviewed_at, c.grade_reviewed_offset, c.group_kind, c.group_id,
        c.birthday, c.time_zone, c.stage, c.stage_since, c.stage_since_offset, c.tags, c.attributes::text,
        c.created_at, c.created_offset, c.updated_at, c.updated_offset, c.erased_at, c.erased_offset, c.version,
        c.interaction_count, c.purchase_count, c.monetary_total, c.first_purchase_at, c.first_purchase_offset,
        c.last_purchase_at, c.last_purchase_offset, c.last_contact_at, c.last_contact_offset,
        cp.kinds, cp.vals, cn.channels, cn.granted, cn.decided_at, cn.decided_offsets,
        ks.kinds, ks.counts, ks.last_at, ks.last_offsets, hs.channels, hs.counts
        """;

    /// <summary>The columns of the latest value, for a <c>LEFT JOIN customer_values v</c>, read after <see cref="Columns"/>.</summary>
    internal const string ValueColumns = """
        v.customer_code, v.probability_alive, v.expected_purchases, v.expected_spend, v.lifetime_value, v.past_value,
        v.rfm_recency, v.rfm_frequency, v.rfm_monetary, v.tier_rank, v.tier_name, v.quadrant
        """;

    private const int ValueAt = 43;

    internal static Customer ReadCustomer(NpgsqlDataReader r)
    {
        var kinds = Sql.Array<string>(r, 31);
        var values = Sql.Array<string>(r, 32);
        var points = new ContactPoint[kinds.Length];
        for (var i = 0; i < kinds.Length; i++) points[i] = new ContactPoint(kinds[i], values[i]);
        var channels = Sql.Array<string>(r, 33);
        var granted = Sql.Array<bool>(r, 34);
        var decided = Sql.Array<DateTime>(r, 35);
        var offsets = Sql.Array<short>(r, 36);
        var consents = new Dictionary<Channel, Consent>();
        for (var i = 0; i < channels.Length; i++) consents[new Channel(channels[i])] = new Consent(granted[i], Sql.Instant(decided[i], offsets[i]));

        var customer = new Customer(new CustomerCode(r.GetString(0)), r.GetString(1))
        {
            Owner = Sql.OptionalText(r, 2),
            Grade = Sql.OptionalText(r, 3),
            Group = r.IsDBNull(6) ? null : new CustomerGroup(Enum.Parse<CustomerGroupKind>(r.GetString(6)), r.GetString(7)),
            Birthday = r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
            TimeZone = Sql.OptionalText(r, 9),
            Tags = Sql.Array<string>(r, 13),
            Attributes = AttributeJson.Read(r.GetString(14)),
            ContactPoints = points,
            Consents = consents,
        };
        return StoredState.Customer(customer, new StageId(r.GetString(10)), Sql.At(r, 11), Sql.OptionalAt(r, 4),
            Sql.At(r, 15), Sql.At(r, 17), r.GetInt32(21), Sql.OptionalAt(r, 19));
    }

    internal static CustomerStats ReadStats(NpgsqlDataReader r)
    {
        var kinds = Sql.Array<string>(r, 37);
        var kindCounts = Sql.Array<int>(r, 38);
        var lastAt = Sql.Array<DateTime?>(r, 39);
        var lastOffset = Sql.Array<short?>(r, 40);
        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var lastByKind = new SortedDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kindCounts[i] > 0) byKind[kinds[i]] = kindCounts[i];
            if (lastAt[i] is { } at) lastByKind[kinds[i]] = Sql.Instant(at, lastOffset[i]!.Value);
        }
        var channels = Sql.Array<string>(r, 41);
        var channelCounts = Sql.Array<int>(r, 42);
        var byChannel = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < channels.Length; i++) byChannel[channels[i]] = channelCounts[i];
        return new CustomerStats
        {
            InteractionCount = r.GetInt32(22),
            PurchaseCount = r.GetInt32(23),
            MonetaryTotal = r.GetDecimal(24),
            FirstPurchaseAt = Sql.OptionalAt(r, 25),
            LastPurchaseAt = Sql.OptionalAt(r, 27),
            LastContactAt = Sql.OptionalAt(r, 29),
            CountsByKind = byKind,
            CountsByChannel = byChannel,
            LastByKind = lastByKind,
        };
    }

    internal static CustomerRecord ReadRecord(NpgsqlDataReader r) => new(ReadCustomer(r), ReadStats(r));

    /// <summary>A snapshot from <see cref="Columns"/> followed by <see cref="ValueColumns"/>.</summary>
    internal static CustomerSnapshot ReadSnapshot(NpgsqlDataReader r) => new(ReadCustomer(r), ReadStats(r)) { Value = ReadValue(r, ValueAt) };

    internal static CustomerValue? ReadValue(NpgsqlDataReader r, int at) => r.IsDBNull(at) ? null : new CustomerValue(
        r.GetString(at), r.GetDouble(at + 1), r.GetDouble(at + 2), r.GetDecimal(at + 3), r.GetDecimal(at + 4), r.GetDecimal(at + 5),
        new RfmScore(r.GetInt16(at + 6), r.GetInt16(at + 7), r.GetInt16(at + 8)),
        new ValueTier(r.GetInt32(at + 9), r.GetString(at + 10)), Enum.Parse<ValueQuadrant>(r.GetString(at + 11)));

    /// <summary>The profile columns' values, in the order of <see cref="ProfileColumns"/>.</summary>
    internal static object?[] Profile(Customer c) => Sql.Args(
        c.Code.Value, c.Name, Sql.Text(c.Owner), Sql.Text(c.Grade), Sql.OptionalAt(c.GradeReviewedAt),
        Sql.Text(c.Group?.Kind.ToString()), Sql.Text(c.Group?.Id),
        new Sql.Typed(c.Birthday, NpgsqlTypes.NpgsqlDbType.Date), Sql.Text(c.TimeZone), c.Stage.Name, Sql.At(c.StageSince),
        c.Tags.ToArray(), AttributeJson.Write(c.Attributes), AttributeIndex.Keys(c).ToArray(),
        Sql.At(c.CreatedAt), Sql.At(c.UpdatedAt), Sql.OptionalAt(c.ErasedAt), c.Version);

    internal const string ProfileColumns = """
        code, name, owner, grade, grade_reviewed_at, grade_reviewed_offset, group_kind, group_id, birthday, time_zone,
        stage, stage_since, stage_since_offset, tags, attributes, attribute_keys, created_at, created_offset,
        updated_at, updated_offset, erased_at, erased_offset, version
        """;

    internal const string ProfileValues = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17, $18, $19, $20, $21, $22, $23";

    /// <summary>Replaces a customer's contact points and consents.</summary>
    internal static async ValueTask WriteChildrenAsync(PgSession s, Customer c, bool replace, CancellationToken ct)
    {
        var code = c.Code.Value;
        if (replace)
        {
            await s.ExecuteAsync("DELETE FROM contact_points WHERE customer_code = $1", ct, code).ConfigureAwait(false);
            await s.ExecuteAsync("DELETE FROM consents WHERE customer_code = $1", ct, code).ConfigureAwait(false);
        }
        if (c.ContactPoints.Count > 0)
        {
            await s.ExecuteAsync("INSERT INTO contact_points (customer_code, position, kind, value) SELECT $1, p - 1, $2[p], $3[p] FROM generate_subscripts($2, 1) p", ct,
                code, c.ContactPoints.Select(p => p.Kind).ToArray(), c.ContactPoints.Select(p => p.Value).ToArray()).ConfigureAwait(false);
        }
        if (c.Consents.Count > 0)
        {
            var list = c.Consents.ToArray();
            await s.ExecuteAsync("""
                INSERT INTO consents (customer_code, channel, granted, decided_at, decided_offset)
                SELECT $1, $2[i], $3[i], $4[i], $5[i] FROM generate_subscripts($2, 1) i
                """, ct, code, list.Select(x => x.Key.Name).ToArray(), list.Select(x => x.Value.Granted).ToArray(),
                list.Select(x => x.Value.At.UtcDateTime).ToArray(), list.Select(x => Sql.Offset(x.Value.At)).ToArray()).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a customer's stats over the stored ones and draws a new change mark for it, in one round trip.</summary>
    internal static async ValueTask WriteStatsAsync(PgSession s, CustomerCode code, CustomerStats stats, CancellationToken ct)
    {
        var statements = new List<(string, object?[])>
        {
            ("""
            UPDATE customers SET interaction_count = $2, purchase_count = $3, monetary_total = $4,
                first_purchase_at = $5, first_purchase_offset = $6, last_purchase_at = $7, last_purchase_offset = $8,
                last_contact_at = $9, last_contact_offset = $10, change_mark = next_change_mark()
            WHERE code = $1
            """, Sql.Args(code.Value, stats.InteractionCount, stats.PurchaseCount, stats.MonetaryTotal,
                Sql.OptionalAt(stats.FirstPurchaseAt), Sql.OptionalAt(stats.LastPurchaseAt), Sql.OptionalAt(stats.LastContactAt))),
            ("DELETE FROM customer_kind_stats WHERE customer_code = $1", [code.Value]),
            ("DELETE FROM customer_channel_stats WHERE customer_code = $1", [code.Value]),
        };
        var kinds = stats.CountsByKind.Keys.Union(stats.LastByKind.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (kinds.Length > 0)
        {
            var last = kinds.Select(k => stats.LastByKind.TryGetValue(k, out var at) ? (DateTimeOffset?)at : null).ToArray();
            statements.Add(("""
                INSERT INTO customer_kind_stats (customer_code, kind, interactions, last_at, last_offset)
                SELECT $1, $2[i], $3[i], $4[i], $5[i] FROM generate_subscripts($2, 1) i
                """, [code.Value, kinds, kinds.Select(k => stats.CountsByKind.GetValueOrDefault(k)).ToArray(),
                last.Select(a => a?.UtcDateTime).ToArray(), last.Select(a => a is { } v ? Sql.Offset(v) : (short?)null).ToArray()]));
        }
        if (stats.CountsByChannel.Count > 0)
        {
            var channels = stats.CountsByChannel.ToArray();
            statements.Add(("""
                INSERT INTO customer_channel_stats (customer_code, channel, interactions)
                SELECT $1, $2[i], $3[i] FROM generate_subscripts($2, 1) i
                """, [code.Value, channels.Select(c => c.Key).ToArray(), channels.Select(c => c.Value).ToArray()]));
        }
        var affected = await s.BatchAsync(statements, ct).ConfigureAwait(false);
        // The inserts' foreign keys would fail first for a missing customer; either way nothing is kept.
        if (affected[0] == 0) throw new CustomerNotFoundException(code);
    }
}
