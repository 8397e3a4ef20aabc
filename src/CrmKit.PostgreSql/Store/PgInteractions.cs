using System.Text.Json;
using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>
/// The interaction log: one row per interaction, ids from the table's identity. A batch goes in
/// with one multi-row INSERT and the new stats of all its customers with one batch of set-based
/// statements, in the same transaction; the customers were locked when the write loaded them
/// (see <see cref="PgCustomers"/>).
/// </summary>
internal sealed class PgInteractions(PgSession session) : IInteractionStore
{
    internal const string Columns = """
        i.id, i.customer_code, i.kind, i.channel, i.occurred_at, i.occurred_offset, i.amount, i.outcome, i.notes, i.staff,
        i.metadata::text, i.recorded_at, i.recorded_offset
        """;

    public async ValueTask<IReadOnlyList<Interaction>> AppendAsync(IReadOnlyList<Interaction> batch, IReadOnlyDictionary<CustomerCode, CustomerStats> stats, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var stored = new Interaction[batch.Count];
        if (batch.Count == 0)
        {
            await StatsRows.WriteAsync(session, stats, cancellationToken).ConfigureAwait(false);
            return stored;
        }
        // The rows and their customers' new stats go in one round trip: the INSERT first (the one
        // statement that returns rows: the new ids), then the stats statements.
        var statements = new List<(string, object?[])>
        {
            ("""
            INSERT INTO interactions (customer_code, kind, channel, occurred_at, occurred_offset, amount, outcome, notes, staff, metadata, recorded_at, recorded_offset)
            SELECT $1[n], $2[n], $3[n], $4[n], $5[n], $6[n], $7[n], $8[n], $9[n], $10[n]::jsonb, $11[n], $12[n]
            FROM generate_subscripts($1, 1) n ORDER BY n
            RETURNING id
            """, [
                batch.Select(i => i.Customer.Value).ToArray(),
                batch.Select(i => i.Kind.Name).ToArray(),
                batch.Select(i => i.Channel.Name).ToArray(),
                batch.Select(i => i.OccurredAt.UtcDateTime).ToArray(),
                batch.Select(i => Sql.Offset(i.OccurredAt)).ToArray(),
                batch.Select(i => i.Amount).ToArray(),
                batch.Select(i => i.Outcome).ToArray(),
                batch.Select(i => i.Notes).ToArray(),
                batch.Select(i => i.Staff).ToArray(),
                batch.Select(i => Metadata(i.Metadata)).ToArray(),
                batch.Select(i => i.RecordedAt.UtcDateTime).ToArray(),
                batch.Select(i => Sql.Offset(i.RecordedAt)).ToArray()]),
        };
        var codes = Array.Empty<string>();
        if (stats.Count > 0) statements.AddRange(StatsRows.Statements(stats, out codes));
        var (ids, affected) = await session.BatchReadAsync(statements, 0, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        if (stats.Count > 0) await StatsRows.CheckAsync(session, codes, affected[1], cancellationToken).ConfigureAwait(false);
        // Identity values are drawn in the order the rows are inserted, which is the batch's order.
        ids.Sort();
        for (var i = 0; i < stored.Length; i++) stored[i] = StoredState.Interaction(batch[i], ids[i], batch[i].RecordedAt);
        return stored;
    }

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

    private static string Metadata(IReadOnlyDictionary<string, string> metadata) =>
        JsonSerializer.Serialize(metadata.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Value));

    public async ValueTask<IReadOnlyDictionary<CustomerCode, IReadOnlyList<Interaction>>> OfManyAsync(IReadOnlyCollection<CustomerCode> customers, CancellationToken cancellationToken) =>
        PgMany.Group(await session.ListAsync($"SELECT {Columns} FROM interactions i WHERE i.customer_code = ANY($1) ORDER BY i.customer_code, i.id", Read, cancellationToken,
            (object)PgMany.Codes(customers)).ConfigureAwait(false), i => i.Customer);
}
