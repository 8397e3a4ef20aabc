using CrmKit.PostgreSql.Customers;
using CrmKit.Storage;
using CrmKit.Value;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.PostgreSql;

/// <summary>How a customer, its stats and its latest value are read from and written to their rows.</summary>
internal static class CustomerRows
{
    /// <summary>
    /// The select list for customer <c>c</c> (<c>FROM customers c</c>): profile, stats, and the
    /// contact points, consents and per-kind and per-channel figures from their arrays, all in the
    /// customer's one row.
    /// </summary>
    internal const string Columns = """
        c.code, c.name, c.owner, c.grade, c.grade_reviewed_at, c.grade_reviewed_offset, c.group_kind, c.group_id,
        c.birthday, c.time_zone, c.stage, c.stage_since, c.stage_since_offset, c.tags, c.attributes::text,
        c.created_at, c.created_offset, c.updated_at, c.updated_offset, c.erased_at, c.erased_offset, c.version,
        c.interaction_count, c.purchase_count, c.monetary_total, c.first_purchase_at, c.first_purchase_offset,
        c.last_purchase_at, c.last_purchase_offset, c.last_contact_at, c.last_contact_offset,
        c.contact_kinds, c.contact_values, c.consent_channels, c.consent_granted, c.consent_at, c.consent_offsets,
        c.kind_names, c.kind_counts, c.kind_last_at, c.kind_last_offsets, c.channel_names, c.channel_counts
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

    /// <summary>The profile columns' values, in the order of <see cref="ProfileColumns"/>: contact points in their order, consents by channel (ordinal).</summary>
    internal static object?[] Profile(Customer c)
    {
        var consents = c.Consents.OrderBy(x => x.Key.Name, StringComparer.Ordinal).ToArray();
        return Sql.Args(
            c.Code.Value, c.Name, Sql.Text(c.Owner), Sql.Text(c.Grade), Sql.OptionalAt(c.GradeReviewedAt),
            Sql.Text(c.Group?.Kind.ToString()), Sql.Text(c.Group?.Id),
            new Sql.Typed(c.Birthday, NpgsqlTypes.NpgsqlDbType.Date), Sql.Text(c.TimeZone), c.Stage.Name, Sql.At(c.StageSince),
            c.Tags.ToArray(), AttributeJson.Write(c.Attributes), AttributeIndex.Keys(c).ToArray(),
            Sql.At(c.CreatedAt), Sql.At(c.UpdatedAt), Sql.OptionalAt(c.ErasedAt), c.Version,
            c.ContactPoints.Select(p => p.Kind).ToArray(), c.ContactPoints.Select(p => p.Value).ToArray(),
            consents.Select(x => x.Key.Name).ToArray(), consents.Select(x => x.Value.Granted).ToArray(),
            Sql.Instants(consents.Select(x => x.Value.At.UtcDateTime).ToArray()), consents.Select(x => Sql.Offset(x.Value.At)).ToArray());
    }

    internal const string ProfileColumns = """
        code, name, owner, grade, grade_reviewed_at, grade_reviewed_offset, group_kind, group_id, birthday, time_zone,
        stage, stage_since, stage_since_offset, tags, attributes, attribute_keys, created_at, created_offset,
        updated_at, updated_offset, erased_at, erased_offset, version,
        contact_kinds, contact_values, consent_channels, consent_granted, consent_at, consent_offsets
        """;

    /// <summary>The types of <see cref="ProfileColumns"/>, for a binary <c>COPY</c> of <see cref="Profile"/>'s values.</summary>
    internal static readonly NpgsqlDbType[] ProfileTypes =
    [
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Smallint,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Text,
        NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Smallint, NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Jsonb,
        NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Smallint,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Smallint, NpgsqlDbType.TimestampTz, NpgsqlDbType.Smallint, NpgsqlDbType.Integer,
        NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Text,
        NpgsqlDbType.Array | NpgsqlDbType.Boolean, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, NpgsqlDbType.Array | NpgsqlDbType.Smallint,
    ];

    /// <summary>How many parameters <see cref="Profile"/> binds: the next free one is <c>$</c><see cref="ProfileCount"/> + 1.</summary>
    internal const int ProfileCount = 29;

    internal const string ProfileValues = """
        $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text[], $15::jsonb, $16::text[], $17, $18, $19, $20, $21, $22, $23,
        $24::text[], $25::text[], $26::text[], $27::boolean[], $28::timestamptz[], $29::smallint[]
        """;
}
