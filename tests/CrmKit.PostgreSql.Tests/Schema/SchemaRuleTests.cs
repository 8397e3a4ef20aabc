using Npgsql;

namespace CrmKit.PostgreSql.Tests.Schema;

/// <summary>What the schema itself guarantees, whichever code writes to it.</summary>
public sealed class SchemaRuleTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private const string InsertTask = """
        INSERT INTO care_tasks (customer_code, rule, occasion_key, channel, due_at, due_offset, proposed_due_at, proposed_due_offset,
                                priority, status, created_at, created_offset)
        VALUES ($1, 'birthday', $2, $3, now(), 480, now(), 480, 'Normal', 'Open', now(), 480)
        ON CONFLICT ON CONSTRAINT care_tasks_occasion DO NOTHING
        """;

    [Fact]
    public async Task A_care_occasion_gets_one_task_per_channel_however_many_hosts_insert_it()
    {
        await db.InsertCustomerAsync("CARE-1");
        using var start = new Barrier(4);
        var inserted = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var connection = await db.DataSource.OpenConnectionAsync();
            start.SignalAndWait();
            await using var command = new NpgsqlCommand(InsertTask, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = "CARE-1" });
            command.Parameters.Add(new NpgsqlParameter { Value = "birthday:2026" });
            command.Parameters.Add(new NpgsqlParameter { Value = "sms" });
            return await command.ExecuteNonQueryAsync();
        })));

        Assert.Equal(1, inserted.Sum());
        Assert.Equal(1, await db.ExecuteAsync(InsertTask, "CARE-1", "birthday:2026", "phone"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM care_tasks WHERE customer_code = 'CARE-1'"));
    }

    [Fact]
    public async Task A_customer_with_interactions_cannot_be_removed_so_a_merge_cannot_lose_them()
    {
        await db.InsertCustomerAsync("FK-1");
        await db.ExecuteAsync("""
            INSERT INTO interactions (customer_code, kind, channel, occurred_at, occurred_offset, recorded_at, recorded_offset)
            VALUES ('FK-1', 'purchase', 'store', now(), 0, now(), 0)
            """);

        var e = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("DELETE FROM customers WHERE code = 'FK-1'"));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
    }

    [Fact]
    public async Task An_interaction_for_a_customer_that_does_not_exist_is_refused_whole()
    {
        await db.InsertCustomerAsync("FK-2");

        var e = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("""
            INSERT INTO interactions (customer_code, kind, channel, occurred_at, occurred_offset, recorded_at, recorded_offset)
            VALUES ('FK-2', 'purchase', 'store', now(), 0, now(), 0), ('NOBODY', 'purchase', 'store', now(), 0, now(), 0)
            """));

        Assert.Equal((PostgresErrorCodes.ForeignKeyViolation, "interactions_customer"), (e.SqlState, e.ConstraintName));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM interactions WHERE customer_code IN ('FK-2', 'NOBODY')"));
    }

    [Fact]
    public async Task Moving_an_interaction_to_a_customer_that_does_not_exist_is_refused()
    {
        await db.InsertCustomerAsync("FK-3");
        await db.ExecuteAsync("""
            INSERT INTO interactions (customer_code, kind, channel, occurred_at, occurred_offset, recorded_at, recorded_offset)
            VALUES ('FK-3', 'purchase', 'store', now(), 0, now(), 0)
            """);

        var e = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("UPDATE interactions SET customer_code = 'NOBODY' WHERE customer_code = 'FK-3'"));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
    }

    [Fact]
    public async Task A_removal_waits_for_an_uncommitted_insert_for_the_customer_and_is_then_refused()
    {
        await db.InsertCustomerAsync("FK-4");
        await using var writer = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO interactions (customer_code, kind, channel, occurred_at, occurred_offset, recorded_at, recorded_offset)
            VALUES ('FK-4', 'purchase', 'store', now(), 0, now(), 0)
            """, writer, transaction))
            await insert.ExecuteNonQueryAsync();

        var removal = db.ExecuteAsync("DELETE FROM customers WHERE code = 'FK-4'");
        await Task.Delay(200);
        Assert.False(removal.IsCompleted, "the removal did not wait for the insert's lock on the customer");
        await transaction.CommitAsync();

        var e = await Assert.ThrowsAsync<PostgresException>(() => removal);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM customers WHERE code = 'FK-4'"));
    }

    [Fact]
    public async Task A_customer_is_removed_at_read_committed_only()
    {
        await db.InsertCustomerAsync("FK-5");
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using var delete = new NpgsqlCommand("DELETE FROM customers WHERE code = 'FK-5'", connection, transaction);

        var e = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());

        Assert.Contains("READ COMMITTED", e.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ARRAYS-1", "contact_kinds = '{phone}'")]
    [InlineData("ARRAYS-2", "consent_channels = '{sms}', consent_granted = '{true}'")]
    [InlineData("ARRAYS-3", "kind_names = '{purchase}', kind_counts = '{1}', kind_last_at = ARRAY[now()], kind_last_offsets = '{NULL}'")]
    [InlineData("ARRAYS-4", "channel_names = '{store}'")]
    [InlineData("OFF-1", "consent_channels = '{sms}', consent_granted = '{true}', consent_at = ARRAY[now()], consent_offsets = '{841}'")]
    [InlineData("OFF-2", "kind_names = '{purchase}', kind_counts = '{1}', kind_last_at = ARRAY[now()], kind_last_offsets = '{-841}'")]
    public async Task A_customer_rows_parallel_arrays_must_describe_the_same_items_with_offsets_within_fourteen_hours(string code, string set)
    {
        await db.InsertCustomerAsync(code);

        var e = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync($"UPDATE customers SET {set} WHERE code = $1", code));

        Assert.Equal(PostgresErrorCodes.CheckViolation, e.SqlState);
    }

    [Fact]
    public async Task Money_keeps_its_scale_and_an_instant_its_offset_to_the_microsecond()
    {
        await db.InsertCustomerAsync("MONEY-1");
        var at = new DateTimeOffset(2026, 3, 1, 23, 30, 15, TimeSpan.FromMinutes(-570)).AddTicks(1_234_567);
        await db.ExecuteAsync("""
            INSERT INTO interactions (customer_code, kind, channel, occurred_at, occurred_offset, amount, recorded_at, recorded_offset)
            VALUES ('MONEY-1', 'purchase', 'store', $1, $2, $3, now(), 0)
            """, at.UtcDateTime, (short)at.Offset.TotalMinutes, 12.50m);

        await using var command = db.DataSource.CreateCommand("SELECT amount, occurred_at, occurred_offset FROM interactions WHERE customer_code = 'MONEY-1'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var amount = reader.GetDecimal(0);
        var back = new DateTimeOffset(reader.GetDateTime(1)).ToOffset(TimeSpan.FromMinutes(reader.GetInt16(2)));

        Assert.Equal("12.50", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(at.Offset, back.Offset);
        // timestamptz keeps microseconds: the last tenth of a microsecond (one .NET tick) is dropped.
        Assert.Equal(at.UtcTicks - at.UtcTicks % 10, back.UtcTicks);
    }
}
