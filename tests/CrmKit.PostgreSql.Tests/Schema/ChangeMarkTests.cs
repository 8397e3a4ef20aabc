using Npgsql;

namespace CrmKit.PostgreSql.Tests.Schema;

/// <summary>Change marks come from a sequence, and readers can tell which marks are safe to remember.</summary>
public sealed class ChangeMarkTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Each_new_or_changed_customer_draws_a_higher_mark()
    {
        var first = await db.InsertCustomerAsync("MARK-1");
        var second = await db.InsertCustomerAsync("MARK-2");
        var updated = await db.ScalarAsync<long>("UPDATE customers SET name = 'renamed', change_mark = next_change_mark() WHERE code = 'MARK-1' RETURNING change_mark");

        Assert.True(first < second && second < updated, $"{first}, {second}, {updated}");
    }

    [Fact]
    public async Task The_stable_mark_waits_for_a_running_transaction_that_drew_a_mark()
    {
        await using var writer = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO customers (code, name, stage, stage_since, stage_since_offset, created_at, created_offset, updated_at, updated_offset, version)
            VALUES ('STABLE-1', 'n', 'prospect', now(), 0, now(), 0, now(), 0, 1)
            """, writer, transaction))
            await insert.ExecuteNonQueryAsync();

        // While the writer's mark is uncommitted, no mark at or above it can be called stable.
        var e = await Assert.ThrowsAsync<PostgresException>(() => db.ScalarAsync<long>("SELECT stable_change_mark(interval '50 milliseconds')"));
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, e.SqlState);

        await transaction.CommitAsync();
        var stable = await db.ScalarAsync<long>("SELECT stable_change_mark()");
        var mark = await db.ScalarAsync<long>("SELECT change_mark FROM customers WHERE code = 'STABLE-1'");
        Assert.True(stable >= mark, $"stable {stable} < committed mark {mark}");
    }

    [Fact]
    public async Task The_stable_mark_does_not_wait_for_a_transaction_in_another_database()
    {
        await using var other = new NpgsqlConnection(await db.Database.CreateAnotherAsync());
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        // A transaction id of its own, older than the reader's, running throughout.
        await using (var write = new NpgsqlCommand("CREATE TABLE busy (x int); SELECT pg_current_xact_id()", other, transaction))
            await write.ExecuteNonQueryAsync();

        var stable = await db.ScalarAsync<long>("SELECT stable_change_mark(interval '2 seconds')");

        Assert.True(stable >= 0);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task The_stable_mark_does_not_wait_for_a_transaction_of_this_database_that_drew_no_mark()
    {
        await using var writer = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var write = new NpgsqlCommand("INSERT INTO meta (key, value) VALUES ('busy', '1')", writer, transaction))
            await write.ExecuteNonQueryAsync();

        var stable = await db.ScalarAsync<long>("SELECT stable_change_mark(interval '2 seconds')");

        Assert.True(stable >= 0);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task The_stable_mark_refuses_to_run_inside_a_repeatable_read_snapshot()
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using var command = new NpgsqlCommand("SELECT stable_change_mark()", connection, transaction);

        var e = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());

        Assert.Contains("READ COMMITTED", e.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_that_remembers_stable_marks_sees_every_change_exactly_once_while_writers_commit_out_of_order()
    {
        const int Writers = 4, PerWriter = 40;
        var last = await db.ScalarAsync<long>("SELECT stable_change_mark()");
        var writing = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                await using var connection = await db.DataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                // The mark is drawn first and the commit comes after a random pause, so marks commit out of order.
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO customers (code, name, stage, stage_since, stage_since_offset, created_at, created_offset, updated_at, updated_offset, version)
                    VALUES ($1, 'n', 'prospect', now(), 0, now(), 0, now(), 0, 1)
                    """, connection, transaction);
                insert.Parameters.Add(new NpgsqlParameter { Value = $"FEED-{w}-{i}" });
                await insert.ExecuteNonQueryAsync();
                await using (var pause = new NpgsqlCommand("SELECT pg_sleep(random() * 0.01)", connection, transaction))
                    await pause.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        })).ToArray();

        var seen = new List<string>();
        var done = false;
        while (!done)
        {
            done = writing.All(t => t.IsCompleted);
            var stable = await db.ScalarAsync<long>("SELECT stable_change_mark()");
            await using var read = db.DataSource.CreateCommand("SELECT code FROM customers WHERE change_mark > $1 AND change_mark <= $2 AND code LIKE 'FEED-%'");
            read.Parameters.Add(new NpgsqlParameter { Value = last });
            read.Parameters.Add(new NpgsqlParameter { Value = stable });
            await using (var reader = await read.ExecuteReaderAsync())
                while (await reader.ReadAsync()) seen.Add(reader.GetString(0));
            last = stable;
        }
        await Task.WhenAll(writing);

        var expected = Enumerable.Range(0, Writers).SelectMany(w => Enumerable.Range(0, PerWriter).Select(i => $"FEED-{w}-{i}")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, seen.Order(StringComparer.Ordinal));
    }
}
