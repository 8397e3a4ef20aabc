using Npgsql;

namespace CrmKit.PostgreSql.Jobs;

/// <summary>
/// The right to run one scheduled job now, held by one instance at a time: a session-level
/// advisory lock on a connection kept open while the job runs. If the instance dies, its
/// connection closes and the server releases the lock, so no lease can be left behind. An
/// instance that does not get the lock skips the run.
/// </summary>
internal sealed class JobLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly (int Purpose, int Target) _key;
    private int _released;

    private JobLock(NpgsqlConnection connection, (int, int) key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>Takes the lock for <paramref name="job"/> in <paramref name="schema"/> without waiting; null when another session holds it.</summary>
    internal static async Task<JobLock?> TryTakeAsync(NpgsqlDataSource dataSource, string schema, string job, CancellationToken cancellationToken)
    {
        var key = AdvisoryLockKey.For(AdvisoryLockKey.Job, schema, job);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, $2)", connection);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = key.Purpose });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = key.Target });
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return new JobLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Releases the lock and returns the connection to the pool; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1, $2)", _connection);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _key.Purpose });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _key.Target });
            await command.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
