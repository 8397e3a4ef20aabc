using System.Text.Json;
using CrmKit.Storage;

namespace CrmKit.PostgreSql;

/// <summary>
/// Change marks from the <c>change_mark</c> sequence: every write that changes what segments and
/// care rules see about a customer draws a new mark for it. The sequence a reader may remember is
/// the schema's <c>stable_change_mark()</c>: no transaction that drew a mark up to it is still running.
/// </summary>
internal sealed class PgChangeFeed(PgSession session) : IChangeFeed
{
    public async ValueTask<long> SequenceAsync(CancellationToken cancellationToken)
    {
        // On a connection of its own, in autocommit: this unit of work's transaction has not
        // written yet (the engine asks first), so the wait for older transactions cannot include
        // it, and two sweeps asking at once do not wait for each other.
        await using var connection = await session.Store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new Npgsql.NpgsqlCommand("SELECT stable_change_mark()", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public ValueTask MarkChangedAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return MarkAsync(session, customer, cancellationToken);
    }

    /// <summary>
    /// Draws a new mark for a customer, in its row when it lives, else among the removed customers;
    /// nothing when it drew one earlier in this transaction (<see cref="PgSession.Marked"/>).
    /// </summary>
    internal static async ValueTask MarkAsync(PgSession session, CustomerCode customer, CancellationToken ct)
    {
        if (session.WasMarked(customer)) return;
        session.Marked(customer);
        var updated = await session.ExecuteAsync("UPDATE customers SET change_mark = next_change_mark() WHERE code = $1", ct, customer.Value).ConfigureAwait(false);
        if (updated == 0)
        {
            await session.ExecuteAsync("INSERT INTO removed_customers (code) VALUES ($1) ON CONFLICT (code) DO UPDATE SET change_mark = next_change_mark()",
                ct, customer.Value).ConfigureAwait(false);
        }
    }

    /// <summary>As <see cref="MarkAsync"/> for many customers at once, with one mark for all of them.</summary>
    internal static async ValueTask MarkManyAsync(PgSession session, IEnumerable<CustomerCode> customers, CancellationToken ct)
    {
        var codes = new List<string>();
        foreach (var customer in customers)
        {
            if (session.WasMarked(customer)) continue;
            session.Marked(customer);
            codes.Add(customer.Value);
        }
        if (codes.Count == 0) return;
        await session.ExecuteAsync("""
            WITH live AS (UPDATE customers SET change_mark = (SELECT next_change_mark()) WHERE code = ANY($1) RETURNING code)
            INSERT INTO removed_customers (code) SELECT g.code FROM unnest($1::text[]) g(code) WHERE g.code NOT IN (SELECT code FROM live)
            ON CONFLICT (code) DO UPDATE SET change_mark = next_change_mark()
            """, ct, (object)codes.ToArray()).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyCollection<CustomerCode>> ChangedSinceAsync(long sequence, CancellationToken cancellationToken) =>
        await session.ListAsync("""
            SELECT code FROM customers WHERE change_mark > $1
            UNION SELECT code FROM removed_customers WHERE change_mark > $1
            """, r => new CustomerCode(r.GetString(0)), cancellationToken, sequence).ConfigureAwait(false);

    public async ValueTask<long?> CursorAsync(string name, CancellationToken cancellationToken) =>
        await session.ScalarAsync("SELECT value::text FROM meta WHERE key = $1", cancellationToken, Key(name)).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<long>(json)
            : null;

    public async ValueTask SetCursorAsync(string name, long sequence, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("INSERT INTO meta (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            cancellationToken, Key(name), JsonSerializer.Serialize(sequence)).ConfigureAwait(false);
    }

    private static string Key(string name) => "cursor:" + name;
}
