using System.Data;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>
/// Runs one store operation as one transaction: all of it commits, or none of it. When the server
/// aborts the transaction because of another one (a serialization failure, 40001, or a deadlock,
/// 40P01), the whole operation runs again from the start on a fresh transaction, a few times, since
/// it read what the other changed.
/// </summary>
internal static class PostgreSqlTransactions
{
    /// <summary>How many times an operation runs at most before the server's last refusal is thrown.</summary>
    internal const int MaxAttempts = 8;

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction at <paramref name="isolation"/> and commits it.
    /// <paramref name="work"/> must have no effect outside the transaction, since it may run again.
    /// </summary>
    /// <exception cref="PostgresException">The server refused; after <see cref="MaxAttempts"/> conflicts, the last conflict.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the transaction was rolled back.</exception>
    internal static async Task<T> RunAsync<T>(
        NpgsqlDataSource dataSource,
        IsolationLevel isolation,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken);
            try
            {
                var result = await work(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException e) when (IsConflict(e) && attempt < MaxAttempts)
            {
                // Rolled back by disposing; a short, growing, jittered pause lets the other finish.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 << attempt)), cancellationToken);
            }
        }
    }

    /// <summary>True for the refusals that mean "another transaction got there first; try again".</summary>
    internal static bool IsConflict(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;
}
