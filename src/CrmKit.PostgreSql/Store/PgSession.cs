using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>One unit of work's session: its connection and transaction, with every aggregate's sub-store.</summary>
internal sealed class PgSession : IStoreSession
{
    internal PgSession(PostgreSqlStore store, NpgsqlConnection connection, NpgsqlTransaction transaction, bool writable)
    {
        Store = store;
        Connection = connection;
        Transaction = transaction;
        Writable = writable;
        Customers = new PgCustomers(this);
        Interactions = new PgInteractions(this);
        Stages = new PgStages(this);
        Segments = new PgSegments(this);
        Care = new PgCare(this);
        Grades = new PgGrades(this);
        Claims = new PgClaims(this);
        Values = new PgValues(this);
        JobRuns = new PgJobRuns(this);
        Changes = new PgChangeFeed(this);
        Privacy = new PgPrivacy(this);
        Configuration = new PgConfiguration(this);
        Cases = new PgCases(this);
        Campaigns = new PgCampaigns(this);
        Operations = new PgOperations(this);
        Loyalty = new PgLoyalty(this);
        Identities = new PgIdentities(this);
    }

    internal PostgreSqlStore Store { get; }
    internal NpgsqlConnection Connection { get; }
    internal NpgsqlTransaction Transaction { get; }
    internal bool Writable { get; }

    private readonly HashSet<string> _marked = new(StringComparer.Ordinal);

    /// <summary>
    /// Records that <paramref name="customer"/> drew a change mark in this transaction. One mark per
    /// customer and transaction is enough: a reader whose stable mark reaches it waited for the
    /// whole transaction to end (<c>stable_change_mark()</c>), and one whose stable mark is below it
    /// sees the customer as changed.
    /// </summary>
    internal void Marked(CustomerCode customer) => _marked.Add(customer.Value);

    /// <summary>True when <paramref name="customer"/> already drew a change mark in this transaction.</summary>
    internal bool WasMarked(CustomerCode customer) => _marked.Contains(customer.Value);

    /// <summary>Throws unless this is a write unit of work.</summary>
    internal void RequireWrite()
    {
        if (!Writable) throw new InvalidOperationException("A read unit of work cannot write.");
    }

    /// <summary>A command in this transaction with positional parameters ($1, $2, …) bound to <paramref name="args"/>.</summary>
    internal NpgsqlCommand Command(string sql, params IEnumerable<object?> args)
    {
        var command = new NpgsqlCommand(sql, Connection, Transaction);
        foreach (var a in Sql.Args([.. args])) command.Parameters.Add(Sql.Parameter(a));
        return command;
    }

    internal async ValueTask<int> ExecuteAsync(string sql, CancellationToken ct, params IEnumerable<object?> args)
    {
        await using var command = Command(sql, args);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Runs several statements in one round trip; returns the rows each affected.</summary>
    internal async ValueTask<int[]> BatchAsync(IReadOnlyList<(string Sql, object?[] Args)> statements, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(Connection, Transaction);
        foreach (var (sql, args) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var a in PostgreSql.Sql.Args(args)) command.Parameters.Add(PostgreSql.Sql.Parameter(a));
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        var affected = new int[batch.BatchCommands.Count];
        for (var i = 0; i < affected.Length; i++) affected[i] = checked((int)batch.BatchCommands[i].RecordsAffected);
        return affected;
    }

    /// <summary>
    /// Runs several statements in one round trip and reads the rows of the one at
    /// <paramref name="rowsOf"/>; every statement before it must return rows too (a locking
    /// <c>SELECT</c>), those after it none. Returns the rows and the rows each statement affected.
    /// At READ COMMITTED each statement still takes its own snapshot.
    /// </summary>
    internal async ValueTask<(List<T> Rows, int[] Affected)> BatchReadAsync<T>(IReadOnlyList<(string Sql, object?[] Args)> statements, int rowsOf,
        Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(Connection, Transaction);
        foreach (var (sql, args) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var a in PostgreSql.Sql.Args(args)) command.Parameters.Add(PostgreSql.Sql.Parameter(a));
            batch.BatchCommands.Add(command);
        }
        var rows = new List<T>();
        await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            for (var i = 0; i < rowsOf; i++) await reader.NextResultAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) rows.Add(read(reader));
            // Runs what follows, so that its errors surface here.
            while (await reader.NextResultAsync(ct).ConfigureAwait(false)) { }
        }
        var affected = new int[batch.BatchCommands.Count];
        for (var i = 0; i < affected.Length; i++) affected[i] = checked((int)batch.BatchCommands[i].RecordsAffected);
        return (rows, affected);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> with a binary <c>COPY … FROM STDIN</c> in this transaction:
    /// each row's values from <paramref name="values"/> (nulls and <see cref="Sql.Typed"/> values
    /// allowed), written as <paramref name="types"/>. Returns the rows copied.
    /// </summary>
    internal async ValueTask<ulong> CopyAsync<T>(string copy, IEnumerable<T> rows, Func<T, object?[]> values, NpgsqlTypes.NpgsqlDbType[] types, CancellationToken ct)
    {
        await using var writer = await Connection.BeginBinaryImportAsync(copy, ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct).ConfigureAwait(false);
            var columns = values(row);
            for (var i = 0; i < columns.Length; i++)
            {
                await WriteAsync(writer, columns[i] is Sql.Typed typed ? typed.Value : columns[i], types[i], ct).ConfigureAwait(false);
            }
        }
        return await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one value of a COPY row through the writer's typed overload for its CLR type: an
    /// <c>object</c> would make the driver look its conversion up again for every value.
    /// </summary>
    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, NpgsqlTypes.NpgsqlDbType type, CancellationToken ct) => value switch
    {
        null or DBNull => writer.WriteNullAsync(ct),
        string v => writer.WriteAsync(v, type, ct),
        short v => writer.WriteAsync(v, type, ct),
        int v => writer.WriteAsync(v, type, ct),
        long v => writer.WriteAsync(v, type, ct),
        bool v => writer.WriteAsync(v, type, ct),
        decimal v => writer.WriteAsync(v, type, ct),
        DateTime v => writer.WriteAsync(v, type, ct),
        DateOnly v => writer.WriteAsync(v, type, ct),
        string[] v => writer.WriteAsync(v, type, ct),
        bool[] v => writer.WriteAsync(v, type, ct),
        short[] v => writer.WriteAsync(v, type, ct),
        DateTime[] v => writer.WriteAsync(v, type, ct),
        _ => writer.WriteAsync(value, type, ct),
    };

    internal async ValueTask<object?> ScalarAsync(string sql, CancellationToken ct, params IEnumerable<object?> args)
    {
        await using var command = Command(sql, args);
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    internal async ValueTask<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params IEnumerable<object?> args)
    {
        await using var command = Command(sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) list.Add(read(reader));
        return list;
    }

    /// <summary>
    /// Streams the rows of one query in chunks through a server-side cursor: one statement, so
    /// every chunk comes from the same snapshot, and the connection is free between chunks.
    /// </summary>
    internal async IAsyncEnumerable<IReadOnlyList<T>> CursorAsync<T>(string sql, int chunk, Func<NpgsqlDataReader, T> read,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, params object?[] args)
    {
        var name = Name("crmkit_scan_");
        // A scan's plan is costed high (a lookup per customer for its child rows), which makes the
        // server compile it to machine code first: seconds before the first row, on a query that
        // then runs in index lookups. SET LOCAL keeps that off for this transaction only.
        await ExecuteAsync("SET LOCAL jit = off", ct).ConfigureAwait(false);
        await ExecuteAsync($"DECLARE {name} NO SCROLL CURSOR FOR {sql}", ct, args).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var rows = await ListAsync($"FETCH FORWARD {chunk} FROM {name}", read, ct).ConfigureAwait(false);
                if (rows.Count > 0) yield return rows;
                if (rows.Count < chunk) yield break;
            }
        }
        finally
        {
            await ExecuteAsync($"CLOSE {name}", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private int _names;

    /// <summary>
    /// A name for a cursor or table of this transaction, unique within it. The same names come
    /// back in every transaction, so statements naming them read the same and prepare once.
    /// </summary>
    internal string Name(string prefix) => prefix + (++_names).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public ICustomerStore Customers { get; }

    public IInteractionStore Interactions { get; }
    public IStageHistoryStore Stages { get; }

    public ISegmentStore Segments { get; }
    public ICareStore Care { get; }

    public IGradeStore Grades { get; }
    public IClaimStore Claims { get; }

    public IValueStore Values { get; }
    public IJobRunStore JobRuns { get; }

    public IChangeFeed Changes { get; }
    public IPrivacyStore Privacy { get; }

    public IConfigurationStore Configuration { get; }
    public ICaseStore Cases { get; }

    public ICampaignStore Campaigns { get; }
    public IOperationStore Operations { get; }

    public ILoyaltyStore Loyalty { get; }
    public IIdentityStore Identities { get; }
}
