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
    public async Task Removing_a_customer_removes_its_contact_points_consents_and_stats_parts()
    {
        await db.InsertCustomerAsync("GONE-1");
        await db.ExecuteAsync("INSERT INTO contact_points VALUES ('GONE-1', 0, 'phone', '+1 555 0100')");
        await db.ExecuteAsync("INSERT INTO consents VALUES ('GONE-1', 'sms', true, now(), 60)");
        await db.ExecuteAsync("INSERT INTO customer_kind_stats VALUES ('GONE-1', 'purchase', 1, now(), 60)");
        await db.ExecuteAsync("INSERT INTO customer_channel_stats VALUES ('GONE-1', 'store', 1)");

        await db.ExecuteAsync("DELETE FROM customers WHERE code = 'GONE-1'");

        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT (SELECT count(*) FROM contact_points WHERE customer_code = 'GONE-1') + (SELECT count(*) FROM consents WHERE customer_code = 'GONE-1')
                 + (SELECT count(*) FROM customer_kind_stats WHERE customer_code = 'GONE-1') + (SELECT count(*) FROM customer_channel_stats WHERE customer_code = 'GONE-1')
            """));
    }

    [Fact]
    public async Task An_offset_outside_fourteen_hours_is_refused()
    {
        await db.InsertCustomerAsync("OFF-1");

        var e = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("INSERT INTO consents VALUES ('OFF-1', 'sms', true, now(), 841)"));

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
