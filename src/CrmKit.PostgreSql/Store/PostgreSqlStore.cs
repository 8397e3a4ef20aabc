using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>
/// The CrmKit store on PostgreSQL, for several application instances and workers sharing one
/// customer base. Each unit of work is one transaction on one pooled connection: a write runs at
/// READ COMMITTED and locks (<c>SELECT … FOR UPDATE</c>) each customer it loads, so two writers
/// appending interactions for the same customer take turns and no stat is lost; a read runs in
/// one REPEATABLE READ snapshot. Profile updates check the version in the UPDATE itself. A write
/// that PostgreSQL aborts as a deadlock or serialisation failure is run again from the start, a
/// few times, so its work must not change anything outside the session before it returns.
/// </summary>
/// <remarks>Thread-safe: units of work may run concurrently, each on its own connection.</remarks>
public sealed class PostgreSqlStore : ICrmStore, IJobLeaseStore
{
    /// <summary>How often a write aborted by a deadlock or a serialisation failure is tried in all.</summary>
    public const int WriteAttempts = 5;

    private readonly NpgsqlDataSource _source;

    private PostgreSqlStore(NpgsqlDataSource source, string location, string schema)
    {
        _source = source;
        Location = location;
        Schema = schema;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>The schema holding the CrmKit tables.</summary>
    public string Schema { get; }

    /// <summary>
    /// Opens the store: checks the options, applies the schema's pending migrations (under the
    /// migrator's lock, so instances starting together migrate once) and keeps a connection pool.
    /// </summary>
    /// <exception cref="CrmValidationException">The options are invalid; names the option.</exception>
    /// <exception cref="SchemaVersionException">The database's schema is newer than this version supports.</exception>
    /// <exception cref="CrmStorageException">The server could not be reached or refused; names server and database.</exception>
    public static async Task<PostgreSqlStore> OpenAsync(PostgreSqlStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var location = LocationOf(options);
        try
        {
            await PostgreSqlSchema.MigrateAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw new CrmStorageException(location, "opening and migrating the schema failed: " + e.Message, e);
        }
        return new PostgreSqlStore(PostgreSqlConnections.Create(options), location, options.Schema);
    }

    /// <summary>Opens the store synchronously; see <see cref="OpenAsync"/>.</summary>
    /// <exception cref="CrmValidationException">The options are invalid; names the option.</exception>
    /// <exception cref="SchemaVersionException">The database's schema is newer than this version supports.</exception>
    /// <exception cref="CrmStorageException">The server could not be reached or refused; names server and database.</exception>
    public static PostgreSqlStore Open(PostgreSqlStoreOptions options) => OpenAsync(options).GetAwaiter().GetResult();

    /// <summary>Opens the store on a connection string with the default schema; see <see cref="OpenAsync"/>.</summary>
    public static PostgreSqlStore Open(string connectionString) => Open(new PostgreSqlStoreOptions { ConnectionString = connectionString });

    private static string LocationOf(PostgreSqlStoreOptions options)
    {
        var b = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"postgresql://{b.Host}:{b.Port}/{b.Database} schema {options.Schema}";
    }

    /// <inheritdoc />
    public async ValueTask<T> ReadAsync<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            var session = new PgSession(this, connection, transaction, writable: false);
            var result = await work(session, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (NpgsqlException e)
        {
            throw Failure(e);
        }
    }

    /// <inheritdoc />
    public async ValueTask<T> WriteAsync<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                var session = new PgSession(this, connection, transaction, writable: true);
                var result = await work(session, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (PostgresException e) when (attempt < WriteAttempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // The transaction rolled back whole: run the unit of work again from the start.
            }
            catch (NpgsqlException e)
            {
                throw Failure(e);
            }
        }
    }

    /// <summary>
    /// Takes the job's advisory lock (<see cref="Jobs.JobLock"/>) on a connection of its own, held
    /// until the lease is disposed; the server releases it when the holder's connection dies.
    /// </summary>
    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable?> TryLeaseJobAsync(string job, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        try
        {
            return await Jobs.JobLock.TryTakeAsync(_source, Schema, job, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw Failure(e);
        }
    }

    /// <inheritdoc />
    public async ValueTask RecordJobAttemptAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await WriteAsync(async (s, ct) => await ((PgSession)s).ExecuteAsync("""
            INSERT INTO job_attempts (job, scheduled_at, scheduled_offset, instance, outcome, detail, recorded_at, recorded_offset)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, ct, Sql.Args(attempt.Job, Sql.At(attempt.ScheduledAt), attempt.Instance, attempt.Outcome.ToString(), attempt.Detail, Sql.At(attempt.RecordedAt))).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<JobAttempt>> JobAttemptsAsync(string job, CancellationToken cancellationToken) =>
        await ReadAsync(async (s, ct) => await ((PgSession)s).ListAsync("""
            SELECT job, scheduled_at, scheduled_offset, instance, outcome, detail, recorded_at, recorded_offset FROM job_attempts WHERE job = $1 ORDER BY id
            """, r => new JobAttempt(r.GetString(0), Sql.At(r, 1), r.GetString(3), Enum.Parse<JobAttemptOutcome>(r.GetString(4)),
                r.IsDBNull(5) ? null : r.GetString(5), Sql.At(r, 6)), ct, job).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Opens a connection of the store's pool outside any unit of work (change marks, tests).</summary>
    internal ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct) => _source.OpenConnectionAsync(ct);

    /// <summary>A server or driver failure as a CrmKit storage error naming the server and database.</summary>
    internal CrmStorageException Failure(NpgsqlException e) =>
        new(Location, e is PostgresException p ? $"{p.SqlState}: {p.MessageText}{(p.Detail is { } d ? " (" + d + ")" : "")}" : e.Message, e);

    /// <summary>Nothing to do: the server makes each commit durable in its write-ahead log before acknowledging it.</summary>
    public void Checkpoint()
    {
    }

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _source.Dispose();
}
