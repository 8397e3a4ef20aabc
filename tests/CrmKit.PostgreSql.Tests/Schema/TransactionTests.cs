using System.Data;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Schema;

public sealed class TransactionTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Conflicting_serializable_operations_are_run_again_until_each_has_counted_once()
    {
        await db.ExecuteAsync("INSERT INTO meta (key, value) VALUES ('counter', '0')");
        const int Workers = 3, Each = 10;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < Each; i++)
            {
                await PostgreSqlTransactions.RunAsync(db.DataSource, IsolationLevel.Serializable, async (connection, transaction, ct) =>
                {
                    // Read, then write what was read plus one: concurrent runs conflict, and a lost run would lose a count.
                    await using var read = new NpgsqlCommand("SELECT (value #>> '{}')::int FROM meta WHERE key = 'counter'", connection, transaction);
                    var value = (int)(await read.ExecuteScalarAsync(ct))!;
                    await using var write = new NpgsqlCommand("UPDATE meta SET value = to_jsonb($1) WHERE key = 'counter'", connection, transaction);
                    write.Parameters.Add(new NpgsqlParameter<int> { TypedValue = value + 1 });
                    return await write.ExecuteNonQueryAsync(ct);
                }, CancellationToken.None);
            }
        })));

        Assert.Equal(Workers * Each, await db.ScalarAsync<int>("SELECT (value #>> '{}')::int FROM meta WHERE key = 'counter'"));
    }

    [Fact]
    public async Task An_operation_that_fails_leaves_nothing_behind()
    {
        var e = await Assert.ThrowsAsync<PostgresException>(() => PostgreSqlTransactions.RunAsync(db.DataSource, IsolationLevel.ReadCommitted, async (connection, transaction, ct) =>
        {
            await using var insert = new NpgsqlCommand("INSERT INTO meta (key, value) VALUES ('half-written', '1')", connection, transaction);
            await insert.ExecuteNonQueryAsync(ct);
            await using var fail = new NpgsqlCommand("SELECT 1 / 0", connection, transaction);
            return await fail.ExecuteScalarAsync(ct);
        }, CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.DivisionByZero, e.SqlState);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM meta WHERE key = 'half-written'"));
    }
}
