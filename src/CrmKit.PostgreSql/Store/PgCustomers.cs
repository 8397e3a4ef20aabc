using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>
/// Customers: one row each with the stats beside the profile, and child rows for contact points,
/// consents and per-kind and per-channel figures. Inside a write, every customer read is locked
/// (<c>FOR UPDATE</c>) until the transaction ends, so derived data written from it cannot be
/// overwritten by a concurrent writer that read it too.
/// </summary>
internal sealed class PgCustomers(PgSession session) : ICustomerStore
{
    public async ValueTask<CustomerCode> ResolveAsync(CustomerCode code, CancellationToken cancellationToken) =>
        await session.ScalarAsync("SELECT survivor_code FROM aliases WHERE code = $1", cancellationToken, code.Value).ConfigureAwait(false) is string survivor
            ? new CustomerCode(survivor)
            : code;

    public async ValueTask<CustomerRecord?> FindAsync(CustomerCode code, CancellationToken cancellationToken)
    {
        // Inside a write the row is locked first, by a statement of its own: the read that follows
        // takes a new snapshot (READ COMMITTED), so after waiting for another writer's lock it sees
        // that writer's child rows (per-kind and per-channel stats) as well as its customer row.
        if (session.Writable && await session.ScalarAsync("SELECT 1 FROM customers WHERE code = $1 FOR UPDATE", cancellationToken, code.Value).ConfigureAwait(false) is null)
            return null;
        var rows = await session.ListAsync($"SELECT {CustomerRows.Columns} FROM {CustomerRows.From} WHERE c.code = $1", CustomerRows.ReadRecord, cancellationToken, code.Value).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyDictionary<CustomerCode, CustomerRecord>> FindManyAsync(IReadOnlyCollection<CustomerCode> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var wanted = codes.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0) return new Dictionary<CustomerCode, CustomerRecord>();
        // As FindAsync, for all at once: one statement locks the rows in code order, the next reads
        // them with a snapshot of its own; both go in one round trip.
        var read = ($"SELECT {CustomerRows.Columns} FROM {CustomerRows.From} WHERE c.code = ANY($1)", new object?[] { wanted });
        if (!session.Writable)
            return (await session.ListAsync(read.Item1, CustomerRows.ReadRecord, cancellationToken, (object)wanted).ConfigureAwait(false)).ToDictionary(r => r.Customer.Code);
        var (rows, _) = await session.BatchReadAsync(
            [("SELECT 1 FROM customers WHERE code = ANY($1) ORDER BY code COLLATE \"C\" FOR UPDATE", [wanted]), read], 1, CustomerRows.ReadRecord, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Customer.Code);
    }

    public async ValueTask<CustomerSnapshot?> SnapshotAsync(CustomerCode code, CancellationToken cancellationToken)
    {
        var rows = await session.ListAsync($"SELECT {CustomerRows.Columns}, {CustomerRows.ValueColumns} FROM {CustomerRows.From} LEFT JOIN customer_values v ON v.customer_code = c.code WHERE c.code = $1",
            CustomerRows.ReadSnapshot, cancellationToken, code.Value).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask InsertAsync(Customer customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (await session.ScalarAsync("SELECT 1 FROM aliases WHERE code = $1", cancellationToken, customer.Code.Value).ConfigureAwait(false) is not null)
            throw new DuplicateCustomerException(customer.Code);
        var inserted = await session.ExecuteAsync(
            $"INSERT INTO customers ({CustomerRows.ProfileColumns}) VALUES ({CustomerRows.ProfileValues}) ON CONFLICT (code) DO NOTHING",
            cancellationToken, CustomerRows.Profile(customer)).ConfigureAwait(false);
        if (inserted == 0) throw new DuplicateCustomerException(customer.Code);
        await CustomerRows.WriteChildrenAsync(session, customer, replace: false, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask UpdateAsync(Customer customer, int expectedVersion, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var args = CustomerRows.Profile(customer).Append(expectedVersion);
        // The version check is part of the UPDATE: a writer elsewhere that changed the row first
        // makes this one match nothing, even at READ COMMITTED.
        var updated = await session.ExecuteAsync($"""
            UPDATE customers SET ({CustomerRows.ProfileColumns}, change_mark) = ({CustomerRows.ProfileValues}, next_change_mark())
            WHERE code = $1 AND version = $24
            """, cancellationToken, args).ConfigureAwait(false);
        if (updated == 0)
        {
            var stored = await session.ScalarAsync("SELECT version FROM customers WHERE code = $1", cancellationToken, customer.Code.Value).ConfigureAwait(false);
            throw stored is int version
                ? new ConcurrencyConflictException(customer.Code, expectedVersion, version)
                : new CustomerNotFoundException(customer.Code);
        }
        await CustomerRows.WriteChildrenAsync(session, customer, replace: true, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask SetStatsAsync(CustomerCode code, CustomerStats stats, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return CustomerRows.WriteStatsAsync(session, code, stats, cancellationToken);
    }

    public async ValueTask MergeAwayAsync(MergeRecord merge, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var merged = merge.Merged.Value;
        var survivor = merge.Survivor.Value;
        await session.ExecuteAsync("DELETE FROM customers WHERE code = $1", cancellationToken, merged).ConfigureAwait(false);
        await session.ExecuteAsync("""
            INSERT INTO removed_customers (code) VALUES ($1)
            ON CONFLICT (code) DO UPDATE SET change_mark = next_change_mark()
            """, cancellationToken, merged).ConfigureAwait(false);
        // Codes merged into the merged customer earlier now resolve to the survivor too.
        await session.ExecuteAsync("UPDATE aliases SET survivor_code = $2 WHERE survivor_code = $1", cancellationToken, merged, survivor).ConfigureAwait(false);
        await session.ExecuteAsync("INSERT INTO aliases (code, survivor_code) VALUES ($1, $2)", cancellationToken, merged, survivor).ConfigureAwait(false);
        await session.ExecuteAsync("""
            INSERT INTO merges (survivor_code, merged_code, merged_at, merged_offset, actor, reason, interactions_moved, stage_changes_moved)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, cancellationToken, Sql.Args(survivor, merged, Sql.At(merge.At), merge.Actor, merge.Reason, merge.InteractionsMoved, merge.StageChangesMoved)).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<CustomerCode>> AliasesOfAsync(CustomerCode survivor, CancellationToken cancellationToken) =>
        await session.ListAsync("SELECT code FROM aliases WHERE survivor_code = $1 ORDER BY code COLLATE \"C\"", r => new CustomerCode(r.GetString(0)), cancellationToken, survivor.Value).ConfigureAwait(false);

    public async ValueTask<Page<Customer>> QueryAsync(CustomerQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var (where, arg) = Predicate(query);
        var rows = await session.ListAsync($"SELECT {CustomerRows.Columns} FROM {CustomerRows.From} WHERE {where} ORDER BY c.code COLLATE \"C\" OFFSET $2 LIMIT $3",
            CustomerRows.ReadCustomer, cancellationToken, arg, page.Offset, page.Size + 1).ConfigureAwait(false);
        return new Page<Customer>(rows.Take(page.Size).ToArray(), page.Offset, rows.Count > page.Size);
    }

    public async ValueTask<int> CountAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        var (where, arg) = Predicate(query);
        return Convert.ToInt32(await session.ScalarAsync($"SELECT count(*) FROM customers c WHERE {where}", cancellationToken, arg).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    public IAsyncEnumerable<IReadOnlyList<CustomerSnapshot>> ScanAsync(SnapshotScan scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (scan.ChunkSize < 1) throw new CrmValidationException("scan.chunkSize", $"{scan.ChunkSize} is not positive.");
        var args = new List<object?>();
        var where = new List<string>();
        if (scan.Codes is { } codes)
        {
            args.Add(codes.Select(c => c.Value).ToArray());
            where.Add("c.code = ANY($1)");
        }
        if (scan.Filter is { } filter && ScanFilter.Sql(filter, scan.At, args) is { } pushed) where.Add(pushed);
        var sql = $"""
            SELECT {CustomerRows.Columns}, {CustomerRows.ValueColumns}
            FROM {CustomerRows.From} LEFT JOIN customer_values v ON v.customer_code = c.code
            {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))}
            ORDER BY c.code COLLATE "C"
            """;
        return session.CursorAsync(sql, scan.ChunkSize, CustomerRows.ReadSnapshot, cancellationToken, [.. args]);
    }

    /// <summary>A query's condition on customer <c>c</c>, with its one parameter as $1 ($1 IS NULL for none).</summary>
    private static (string Where, object? Arg) Predicate(CustomerQuery query) => query.Kind switch
    {
        CustomerQueryKind.All => ("$1::text IS NULL", Sql.Text(null)),
        CustomerQueryKind.Tag => ("c.tags @> ARRAY[$1::text]", query.Value),
        CustomerQueryKind.Stage => ("c.stage = $1", query.Value),
        CustomerQueryKind.Owner => ("c.owner = $1", query.Value),
        CustomerQueryKind.AttributeKey => ("c.attribute_keys @> ARRAY[$1::text]", query.Value),
        CustomerQueryKind.Graded => ("c.grade IS NOT NULL AND $1::text IS NULL", Sql.Text(null)),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.Kind, "Unknown customer query."),
    };
}
