using System.Text.Json;
using CrmKit.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.PostgreSql;

/// <summary>
/// The interaction log: one row per interaction, ids from the table's identity sequence, drawn in
/// the batch's order. The new stats of all a batch's customers go in with one set-based UPDATE,
/// in the same round trip as the rows of a small batch (one multi-row INSERT of its columns as
/// arrays) or as the ids of a large one, whose rows then go by binary COPY, which the server
/// writes a page at a time instead of a row at a time. The customers were locked when the write
/// loaded them (see <see cref="PgCustomers"/>), so ids follow the order in which batches for one
/// customer commit.
/// </summary>
internal sealed class PgInteractions(PgSession session) : IInteractionStore
{
    internal const string Columns = """
        i.id, i.customer_code, i.kind, i.channel, i.occurred_at, i.occurred_offset, i.amount, i.outcome, i.notes, i.staff,
        i.metadata::text, i.recorded_at, i.recorded_offset
        """;

    /// <summary>The rows of a batch from its columns as arrays, inserted in array order, so the identity gives ids in the batch's order.</summary>
    private const string Insert = """
        INSERT INTO interactions (customer_code, kind, channel, occurred_at, occurred_offset, amount, outcome, notes, staff, metadata, recorded_at, recorded_offset)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::smallint[], $6::numeric[], $7::text[], $8::text[], $9::text[],
            $10::jsonb[], $11::timestamptz[], $12::smallint[])
        RETURNING id
        """;

    /// <summary>
    /// The batch size from which rows go by COPY: two more round trips than the INSERT, repaid by
    /// the server's cheaper page-at-a-time writes once a batch has a few hundred rows.
    /// </summary>
    internal const int CopyFrom = 200;

    private const string CopyRows = """
        COPY interactions (id, customer_code, kind, channel, occurred_at, occurred_offset, amount, outcome, notes, staff, metadata, recorded_at, recorded_offset)
        FROM STDIN (FORMAT BINARY)
        """;

    public async ValueTask<IReadOnlyList<Interaction>> AppendAsync(IReadOnlyList<Interaction> batch, IReadOnlyDictionary<CustomerCode, CustomerStats> stats, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        foreach (var code in stats.Keys) session.Marked(code);
        var stored = new Interaction[batch.Count];
        if (batch.Count == 0)
        {
            await StatsRows.WriteAsync(session, stats, cancellationToken).ConfigureAwait(false);
            return stored;
        }
        if (batch.Count >= CopyFrom) return await CopyAsync(batch, stats, cancellationToken).ConfigureAwait(false);
        // The rows and their customers' new stats go in one round trip: the INSERT first (the one
        // statement that returns rows: the new ids), then the stats.
        var statements = new List<(string, object?[])>(2) { (Insert, Rows(batch)) };
        var codes = Array.Empty<string>();
        if (stats.Count > 0) statements.Add((StatsRows.Update, StatsRows.Args(stats, out codes)));
        var (ids, affected) = await session.BatchReadAsync(statements, 0, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        if (stats.Count > 0) await StatsRows.CheckAsync(session, codes, affected[1], cancellationToken).ConfigureAwait(false);
        // Identity values are drawn in the order the rows are inserted, which is the batch's order.
        ids.Sort();
        for (var i = 0; i < stored.Length; i++) stored[i] = StoredState.Interaction(batch[i], ids[i], batch[i].RecordedAt);
        return stored;
    }

    /// <summary>A large batch: its ids and its customers' stats in one round trip, then its rows by binary COPY.</summary>
    private async ValueTask<IReadOnlyList<Interaction>> CopyAsync(IReadOnlyList<Interaction> batch, IReadOnlyDictionary<CustomerCode, CustomerStats> stats, CancellationToken ct)
    {
        var statements = new List<(string, object?[])>(2) { ("SELECT nextval('interactions_id_seq') FROM generate_series(1, $1)", [batch.Count]) };
        var codes = Array.Empty<string>();
        if (stats.Count > 0) statements.Add((StatsRows.Update, StatsRows.Args(stats, out codes)));
        var (ids, affected) = await session.BatchReadAsync(statements, 0, r => r.GetInt64(0), ct).ConfigureAwait(false);
        if (stats.Count > 0) await StatsRows.CheckAsync(session, codes, affected[1], ct).ConfigureAwait(false);
        ids.Sort();
        var stored = new Interaction[batch.Count];
        await using (var writer = await session.Connection.BeginBinaryImportAsync(CopyRows, ct).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var x = batch[i];
                await writer.StartRowAsync(ct).ConfigureAwait(false);
                await writer.WriteAsync(ids[i], NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await writer.WriteAsync(x.Customer.Value, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await writer.WriteAsync(x.Kind.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await writer.WriteAsync(x.Channel.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await writer.WriteAsync(x.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await writer.WriteAsync(Sql.Offset(x.OccurredAt), NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
                await WriteAsync(writer, x.Amount, NpgsqlDbType.Numeric, ct).ConfigureAwait(false);
                await WriteAsync(writer, x.Outcome, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteAsync(writer, x.Notes, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteAsync(writer, x.Staff, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await writer.WriteAsync(Metadata(x.Metadata), NpgsqlDbType.Jsonb, ct).ConfigureAwait(false);
                await writer.WriteAsync(x.RecordedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
                await writer.WriteAsync(Sql.Offset(x.RecordedAt), NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
                stored[i] = StoredState.Interaction(x, ids[i], x.RecordedAt);
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
        return stored;
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, ct) : writer.WriteNullAsync(ct);

    private static Task WriteAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? writer.WriteAsync(value, type, ct) : writer.WriteNullAsync(ct);

    /// <summary>The parameters of <see cref="Insert"/>: one array per column.</summary>
    private static object?[] Rows(IReadOnlyList<Interaction> batch)
    {
        var n = batch.Count;
        var customers = new string[n];
        var kinds = new string[n];
        var channels = new string[n];
        var occurredAt = new DateTime[n];
        var occurredOffsets = new short[n];
        var amounts = new decimal?[n];
        var outcomes = new string?[n];
        var notes = new string?[n];
        var staff = new string?[n];
        var metadata = new string[n];
        var recordedAt = new DateTime[n];
        var recordedOffsets = new short[n];
        for (var i = 0; i < n; i++)
        {
            var x = batch[i];
            customers[i] = x.Customer.Value;
            kinds[i] = x.Kind.Name;
            channels[i] = x.Channel.Name;
            occurredAt[i] = x.OccurredAt.UtcDateTime;
            occurredOffsets[i] = Sql.Offset(x.OccurredAt);
            amounts[i] = x.Amount;
            outcomes[i] = x.Outcome;
            notes[i] = x.Notes;
            staff[i] = x.Staff;
            metadata[i] = Metadata(x.Metadata);
            recordedAt[i] = x.RecordedAt.UtcDateTime;
            recordedOffsets[i] = Sql.Offset(x.RecordedAt);
        }
        return
        [
            customers, kinds, channels, Sql.Instants(occurredAt), occurredOffsets, new Sql.Typed(amounts, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Numeric),
            Texts(outcomes), Texts(notes), Texts(staff), new Sql.Typed(metadata, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb),
            Sql.Instants(recordedAt), recordedOffsets,
        ];
    }

    private static Sql.Typed Texts(string?[] values) => new(values, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text);

    public async ValueTask<IReadOnlyList<Interaction>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {Columns} FROM interactions i WHERE i.customer_code = $1 ORDER BY i.id", Read, cancellationToken, customer.Value).ConfigureAwait(false);

    public async ValueTask<Page<Interaction>> PageAsync(CustomerCode customer, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await session.ListAsync($"SELECT {Columns} FROM interactions i WHERE i.customer_code = $1 ORDER BY i.occurred_at, i.id OFFSET $2 LIMIT $3",
            Read, cancellationToken, customer.Value, page.Offset, page.Size + 1).ConfigureAwait(false);
        return new Page<Interaction>(rows.Take(page.Size).ToArray(), page.Offset, rows.Count > page.Size);
    }

    public async ValueTask ReplaceAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        foreach (var i in interactions)
        {
            var updated = await session.ExecuteAsync("""
                UPDATE interactions SET customer_code = $2, kind = $3, channel = $4, occurred_at = $5, occurred_offset = $6, amount = $7,
                    outcome = $8, notes = $9, staff = $10, metadata = $11::jsonb, recorded_at = $12, recorded_offset = $13
                WHERE id = $1
                """, cancellationToken, Sql.Args(i.Id, i.Customer.Value, i.Kind.Name, i.Channel.Name, Sql.At(i.OccurredAt),
                    new Sql.Typed(i.Amount, NpgsqlTypes.NpgsqlDbType.Numeric), Sql.Text(i.Outcome), Sql.Text(i.Notes), Sql.Text(i.Staff),
                    Metadata(i.Metadata), Sql.At(i.RecordedAt))).ConfigureAwait(false);
            if (updated == 0) throw new InvalidOperationException($"Interaction {i.Id} is not stored; only stored interactions can be rewritten.");
        }
        foreach (var code in interactions.Select(i => i.Customer).Distinct())
            await PgChangeFeed.MarkAsync(session, code, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) =>
        (long)(await session.ScalarAsync("SELECT count(*) FROM interactions", cancellationToken).ConfigureAwait(false))!;

    public IAsyncEnumerable<IReadOnlyList<Interaction>> ScanAsync(IReadOnlySet<InteractionKind>? kinds, CancellationToken cancellationToken) =>
        kinds is null
            ? session.CursorAsync($"SELECT {Columns} FROM interactions i ORDER BY i.id", SnapshotScan.DefaultChunkSize, Read, cancellationToken)
            : session.CursorAsync($"SELECT {Columns} FROM interactions i WHERE i.kind = ANY($1) ORDER BY i.id", SnapshotScan.DefaultChunkSize, Read, cancellationToken,
                kinds.Select(k => k.Name).ToArray());

    internal static Interaction Read(NpgsqlDataReader r)
    {
        var interaction = new Interaction(new CustomerCode(r.GetString(1)), new InteractionKind(r.GetString(2)), new Channel(r.GetString(3)), Sql.At(r, 4))
        {
            Amount = r.IsDBNull(6) ? null : r.GetDecimal(6),
            Outcome = Sql.OptionalText(r, 7),
            Notes = Sql.OptionalText(r, 8),
            Staff = Sql.OptionalText(r, 9),
            Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(10)) ?? [],
        };
        return StoredState.Interaction(interaction, r.GetInt64(0), Sql.At(r, 11));
    }

    private static string Metadata(IReadOnlyDictionary<string, string> metadata) => metadata.Count == 0 ? "{}" :
        JsonSerializer.Serialize(metadata.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Value));

    public async ValueTask<IReadOnlyDictionary<CustomerCode, IReadOnlyList<Interaction>>> OfManyAsync(IReadOnlyCollection<CustomerCode> customers, CancellationToken cancellationToken) =>
        PgMany.Group(await session.ListAsync($"SELECT {Columns} FROM interactions i WHERE i.customer_code = ANY($1) ORDER BY i.customer_code, i.id", Read, cancellationToken,
            (object)PgMany.Codes(customers)).ConfigureAwait(false), i => i.Customer);
}
