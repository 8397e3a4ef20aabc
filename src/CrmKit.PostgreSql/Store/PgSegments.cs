using System.Text.Json;
using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>Segment definitions (a filter's clauses in rows of their own, or a script), memberships and their history.</summary>
internal sealed class PgSegments(PgSession session) : ISegmentStore
{
    public async ValueTask<StoredSegment?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await LoadAsync("WHERE s.name = $1", cancellationToken, name).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<StoredSegment>> AllAsync(CancellationToken cancellationToken) =>
        await LoadAsync("", cancellationToken).ConfigureAwait(false);

    private async ValueTask<List<StoredSegment>> LoadAsync(string where, CancellationToken ct, params object?[] args) =>
        await session.ListAsync($"""
            SELECT s.name, s.description, s.script, s.parameters::text, s.refresh_number, s.refreshed_mark, s.refreshed_at, s.refreshed_offset,
                ARRAY(SELECT k.kind FROM segment_clauses k WHERE k.segment_name = s.name ORDER BY k.position),
                ARRAY(SELECT k.operator FROM segment_clauses k WHERE k.segment_name = s.name ORDER BY k.position),
                ARRAY(SELECT coalesce(k.attribute, '') FROM segment_clauses k WHERE k.segment_name = s.name ORDER BY k.position),
                ARRAY(SELECT coalesce(k.attribute_type, '') FROM segment_clauses k WHERE k.segment_name = s.name ORDER BY k.position),
                ARRAY(SELECT array_to_json(k.operands)::text FROM segment_clauses k WHERE k.segment_name = s.name ORDER BY k.position)
            FROM segments s {where} ORDER BY s.name COLLATE "C"
            """, Read, ct, args).ConfigureAwait(false);

    private static StoredSegment Read(NpgsqlDataReader r)
    {
        var name = r.GetString(0);
        var description = r.GetString(1);
        var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(3)) ?? [];
        SegmentDefinition definition;
        if (!r.IsDBNull(2)) definition = new SegmentDefinition(name, description, r.GetString(2)) { Parameters = parameters };
        else
        {
            var kinds = Sql.Array<string>(r, 8);
            var ops = Sql.Array<string>(r, 9);
            var attributes = Sql.Array<string>(r, 10);
            var types = Sql.Array<string>(r, 11);
            var operands = Sql.Array<string>(r, 12);
            var clauses = new SegmentClause[kinds.Length];
            for (var i = 0; i < clauses.Length; i++)
            {
                clauses[i] = StoredState.Clause(Enum.Parse<ClauseKind>(kinds[i]), Enum.Parse<ClauseOperator>(ops[i]),
                    attributes[i].Length == 0 ? null : attributes[i], types[i].Length == 0 ? null : Enum.Parse<AttributeType>(types[i]),
                    JsonSerializer.Deserialize<string[]>(operands[i]) ?? []);
            }
            definition = new SegmentDefinition(name, description, new SegmentFilter(clauses)) { Parameters = parameters };
        }
        var through = r.GetInt64(5);
        return new StoredSegment(definition, r.GetInt64(4), through < 0 ? null : through, Sql.OptionalAt(r, 6));
    }

    public async ValueTask PutAsync(SegmentDefinition definition, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var parameters = JsonSerializer.Serialize(definition.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value));
        // A changed definition is refreshed in full next time; its refresh count goes on.
        await session.ExecuteAsync("""
            INSERT INTO segments (name, description, script, parameters) VALUES ($1, $2, $3, $4::jsonb)
            ON CONFLICT (name) DO UPDATE SET description = excluded.description, script = excluded.script, parameters = excluded.parameters,
                refreshed_mark = -1, refreshed_at = NULL, refreshed_offset = NULL, version = segments.version + 1
            """, cancellationToken, definition.Name, definition.Description, Sql.Text(definition.Script), parameters).ConfigureAwait(false);
        await session.ExecuteAsync("DELETE FROM segment_clauses WHERE segment_name = $1", cancellationToken, definition.Name).ConfigureAwait(false);
        var clauses = definition.Filter?.Clauses ?? [];
        for (var i = 0; i < clauses.Count; i++)
        {
            var c = clauses[i];
            await session.ExecuteAsync("""
                INSERT INTO segment_clauses (segment_name, position, kind, operator, attribute, attribute_type, operands) VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, cancellationToken, definition.Name, (short)i, c.Kind.ToString(), c.Operator.ToString(), Sql.Text(c.Attribute), Sql.Text(c.AttributeType?.ToString()),
                c.Values.ToArray()).ConfigureAwait(false);
        }
    }

    public async ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return await session.ExecuteAsync("DELETE FROM segments WHERE name = $1", cancellationToken, name).ConfigureAwait(false) > 0;
    }

    public async ValueTask<IReadOnlySet<CustomerCode>> MemberCodesAsync(string segment, CancellationToken cancellationToken) =>
        (await session.ListAsync("SELECT customer_code FROM segment_members WHERE segment_name = $1", r => new CustomerCode(r.GetString(0)), cancellationToken, segment)
            .ConfigureAwait(false)).ToHashSet();

    private const string MemberColumns = "segment_name, customer_code, since_at, since_offset, since_refresh";

    private static SegmentMembership ReadMember(NpgsqlDataReader r) => new(r.GetString(0), new CustomerCode(r.GetString(1)), Sql.At(r, 2), r.GetInt64(4));

    public async ValueTask<SegmentMembership?> MembershipAsync(string segment, CustomerCode customer, CancellationToken cancellationToken) =>
        (await session.ListAsync($"SELECT {MemberColumns} FROM segment_members WHERE segment_name = $1 AND customer_code = $2", ReadMember, cancellationToken, segment, customer.Value)
            .ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<Page<SegmentMembership>> MembersAsync(string segment, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await session.ListAsync($"SELECT {MemberColumns} FROM segment_members WHERE segment_name = $1 ORDER BY customer_code COLLATE \"C\" OFFSET $2 LIMIT $3",
            ReadMember, cancellationToken, segment, page.Offset, page.Size + 1).ConfigureAwait(false);
        return new Page<SegmentMembership>(rows.Take(page.Size).ToArray(), page.Offset, rows.Count > page.Size);
    }

    public async ValueTask<int> CountMembersAsync(string segment, CancellationToken cancellationToken) =>
        (int)(long)(await session.ScalarAsync("SELECT count(*) FROM segment_members WHERE segment_name = $1", cancellationToken, segment).ConfigureAwait(false))!;

    public async ValueTask<IReadOnlyList<SegmentMembership>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {MemberColumns} FROM segment_members WHERE customer_code = $1 ORDER BY segment_name COLLATE \"C\"", ReadMember, cancellationToken, customer.Value)
            .ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<SegmentEvent>> EventsAsync(string segment, CustomerCode? customer, CancellationToken cancellationToken) =>
        await session.ListAsync("""
            SELECT segment_name, customer_code, entered, happened_at, happened_offset, refresh FROM segment_events
            WHERE segment_name = $1 AND ($2::text IS NULL OR customer_code = $2) ORDER BY id
            """, r => new SegmentEvent(r.GetString(0), new CustomerCode(r.GetString(1)), r.GetBoolean(2), Sql.At(r, 3), r.GetInt64(5)),
            cancellationToken, segment, Sql.Text(customer?.Value)).ConfigureAwait(false);

    public IAsyncEnumerable<IReadOnlyList<SegmentEvent>> ScanEventsAsync(string segment, CancellationToken cancellationToken) =>
        session.CursorAsync("SELECT segment_name, customer_code, entered, happened_at, happened_offset, refresh FROM segment_events WHERE segment_name = $1",
            SnapshotScan.DefaultChunkSize, r => new SegmentEvent(r.GetString(0), new CustomerCode(r.GetString(1)), r.GetBoolean(2), Sql.At(r, 3), r.GetInt64(5)),
            cancellationToken, segment);

    public async ValueTask RecordRefreshAsync(SegmentRefreshRecord refresh, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var found = await session.ExecuteAsync("UPDATE segments SET refresh_number = $2, refreshed_mark = $3, refreshed_at = $4, refreshed_offset = $5 WHERE name = $1",
            cancellationToken, Sql.Args(refresh.Segment, refresh.Refresh, refresh.Through, Sql.At(refresh.At))).ConfigureAwait(false);
        if (found == 0) throw new SegmentNotFoundException(refresh.Segment);
        var events = refresh.Events;
        if (events.Count == 0) return;
        var entered = events.Where(e => e.Entered).ToArray();
        var left = events.Where(e => !e.Entered).ToArray();
        if (left.Length > 0)
            await session.ExecuteAsync("DELETE FROM segment_members WHERE segment_name = $1 AND customer_code = ANY($2)", cancellationToken,
                refresh.Segment, left.Select(e => e.Customer.Value).ToArray()).ConfigureAwait(false);
        if (entered.Length > 0)
        {
            await session.ExecuteAsync("""
                INSERT INTO segment_members (segment_name, customer_code, since_at, since_offset, since_refresh)
                SELECT $1, $2[n], $3[n], $4[n], $5[n] FROM generate_subscripts($2, 1) n
                """, cancellationToken, refresh.Segment, entered.Select(e => e.Customer.Value).ToArray(), entered.Select(e => e.At.UtcDateTime).ToArray(),
                entered.Select(e => Sql.Offset(e.At)).ToArray(), entered.Select(e => e.Refresh).ToArray()).ConfigureAwait(false);
        }
        await session.ExecuteAsync("""
            INSERT INTO segment_events (segment_name, customer_code, entered, happened_at, happened_offset, refresh)
            SELECT $1[n], $2[n], $3[n], $4[n], $5[n], $6[n] FROM generate_subscripts($1, 1) n ORDER BY n
            """, cancellationToken, events.Select(e => e.Segment).ToArray(), events.Select(e => e.Customer.Value).ToArray(), events.Select(e => e.Entered).ToArray(),
            events.Select(e => e.At.UtcDateTime).ToArray(), events.Select(e => Sql.Offset(e.At)).ToArray(), events.Select(e => e.Refresh).ToArray()).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyDictionary<CustomerCode, IReadOnlyList<SegmentMembership>>> OfManyAsync(IReadOnlyCollection<CustomerCode> customers, CancellationToken cancellationToken) =>
        PgMany.Group(await session.ListAsync($"SELECT {MemberColumns} FROM segment_members WHERE customer_code = ANY($1) ORDER BY customer_code, segment_name COLLATE \"C\"",
            ReadMember, cancellationToken, (object)PgMany.Codes(customers)).ConfigureAwait(false), m => m.Customer);
}
