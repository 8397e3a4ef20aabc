using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>
/// Customers: one row each, holding the profile, the contact points and consents, and the stats
/// with their per-kind and per-channel figures (arrays in the row). Inside a write, every customer read is locked
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
        // Inside a write the row is locked as it is read: after waiting for another writer's lock,
        // the statement reads the row as that writer left it (READ COMMITTED re-reads a locked row),
        // and everything about the customer is in that row.
        var rows = await session.ListAsync($"SELECT {CustomerRows.Columns} FROM customers c WHERE c.code = $1{(session.Writable ? " FOR UPDATE" : "")}",
            CustomerRows.ReadRecord, cancellationToken, code.Value).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyDictionary<CustomerCode, CustomerRecord>> FindManyAsync(IReadOnlyCollection<CustomerCode> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var wanted = codes.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0) return new Dictionary<CustomerCode, CustomerRecord>();
        // As FindAsync, for all at once; inside a write the rows are locked in code order, so two
        // writers whose batches share customers take turns instead of deadlocking.
        var rows = await session.ListAsync(session.Writable
                ? $"SELECT {CustomerRows.Columns} FROM customers c WHERE c.code = ANY($1) ORDER BY c.code COLLATE \"C\" FOR UPDATE"
                : $"SELECT {CustomerRows.Columns} FROM customers c WHERE c.code = ANY($1)",
            CustomerRows.ReadRecord, cancellationToken, (object)wanted).ConfigureAwait(false);
        var found = new Dictionary<CustomerCode, CustomerRecord>(rows.Count);
        foreach (var row in rows) found[row.Customer.Code] = row;
        return found;
    }

    public async ValueTask<CustomerSnapshot?> SnapshotAsync(CustomerCode code, CancellationToken cancellationToken)
    {
        var rows = await session.ListAsync($"SELECT {CustomerRows.Columns}, {CustomerRows.ValueColumns} FROM customers c LEFT JOIN customer_values v ON v.customer_code = c.code WHERE c.code = $1",
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
        session.Marked(customer.Code);
    }

    public async ValueTask InsertManyAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0) return;
        // The rows go by binary COPY into a table of this transaction, then into customers with one
        // INSERT … SELECT that skips codes already taken (waiting, as a single insert would, for a
        // writer inserting the same code) and returns the codes it stored, beside the codes that
        // are merge aliases; all of them under one change mark. Any code taken either way fails
        // the whole unit of work, so what was inserted with it is never committed.
        var staging = session.Name("crmkit_new_customers_");
        await session.ExecuteAsync($"CREATE TEMP TABLE {staging} ON COMMIT DROP AS SELECT {CustomerRows.ProfileColumns} FROM customers WITH NO DATA", cancellationToken).ConfigureAwait(false);
        await session.CopyAsync($"COPY {staging} ({CustomerRows.ProfileColumns}) FROM STDIN (FORMAT BINARY)", customers, CustomerRows.Profile, CustomerRows.ProfileTypes, cancellationToken)
            .ConfigureAwait(false);
        var codes = customers.Select(c => c.Code.Value).ToArray();
        var outcome = await session.ListAsync($"""
            WITH stored AS (
                INSERT INTO customers ({CustomerRows.ProfileColumns}, change_mark)
                SELECT {CustomerRows.ProfileColumns}, (SELECT next_change_mark()) FROM {staging}
                ON CONFLICT (code) DO NOTHING
                RETURNING code)
            SELECT code, true FROM stored UNION ALL SELECT code, false FROM aliases WHERE code = ANY($1)
            """, r => (Code: r.GetString(0), Stored: r.GetBoolean(1)), cancellationToken, (object)codes).ConfigureAwait(false);
        var stored = outcome.Where(x => x.Stored).Select(x => x.Code).ToHashSet(StringComparer.Ordinal);
        if (stored.Count < codes.Length)
        {
            // Reported as the one-by-one inserts would have: the first code, in the order given, that was taken.
            var aliases = outcome.Where(x => !x.Stored).Select(x => x.Code).ToHashSet(StringComparer.Ordinal);
            throw new DuplicateCustomerException(new CustomerCode(codes.First(c => aliases.Contains(c) || !stored.Contains(c))));
        }
        foreach (var customer in customers) session.Marked(customer.Code);
    }

    public async ValueTask UpdateAsync(Customer customer, int expectedVersion, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var args = CustomerRows.Profile(customer).Append(expectedVersion);
        // The version check is part of the UPDATE: a writer elsewhere that changed the row first
        // makes this one match nothing, even at READ COMMITTED.
        var updated = await session.ExecuteAsync($"""
            UPDATE customers SET ({CustomerRows.ProfileColumns}, change_mark) = ({CustomerRows.ProfileValues}, next_change_mark())
            WHERE code = $1 AND version = ${CustomerRows.ProfileCount + 1}
            """, cancellationToken, args).ConfigureAwait(false);
        if (updated == 0)
        {
            var stored = await session.ScalarAsync("SELECT version FROM customers WHERE code = $1", cancellationToken, customer.Code.Value).ConfigureAwait(false);
            throw stored is int version
                ? new ConcurrencyConflictException(customer.Code, expectedVersion, version)
                : new CustomerNotFoundException(customer.Code);
        }
        session.Marked(customer.Code);
    }

    public ValueTask SetStatsAsync(CustomerCode code, CustomerStats stats, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.Marked(code);
        return StatsRows.WriteAsync(session, new Dictionary<CustomerCode, CustomerStats> { [code] = stats }, cancellationToken);
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
        var rows = await session.ListAsync($"SELECT {CustomerRows.Columns} FROM customers c WHERE {where} ORDER BY c.code COLLATE \"C\" OFFSET $2 LIMIT $3",
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
        // Chunks in code order, unless the caller takes them in any order: then the server sends
        // rows as it finds them instead of sorting them all first.
        var sql = $"""
            SELECT {CustomerRows.Columns}, {CustomerRows.ValueColumns}
            FROM customers c LEFT JOIN customer_values v ON v.customer_code = c.code
            {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))}
            {(scan.Parallel ? "" : "ORDER BY c.code COLLATE \"C\"")}
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
