using CrmKit.PostgreSql.Jobs;
using CrmKit.PostgreSql.Tests.Schema;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Jobs;

public sealed class JobLockTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task One_instance_holds_a_job_and_the_other_is_told_to_skip_until_it_is_released()
    {
        await using var first = await JobLock.TryTakeAsync(db.DataSource, MigratedDatabase.Schema, "care-sweep", CancellationToken.None);
        Assert.NotNull(first);

        var second = await JobLock.TryTakeAsync(db.DataSource, MigratedDatabase.Schema, "care-sweep", CancellationToken.None);
        Assert.Null(second);
        await using (var other = await JobLock.TryTakeAsync(db.DataSource, MigratedDatabase.Schema, "segment-refresh", CancellationToken.None))
            Assert.NotNull(other);
        await using (var otherSchema = await JobLock.TryTakeAsync(db.DataSource, "tenant_two", "care-sweep", CancellationToken.None))
            Assert.NotNull(otherSchema);

        await first!.DisposeAsync();
        await using var after = await JobLock.TryTakeAsync(db.DataSource, MigratedDatabase.Schema, "care-sweep", CancellationToken.None);
        Assert.NotNull(after);
    }

    [Fact]
    public async Task A_job_held_by_an_instance_that_died_is_free_again()
    {
        await using var admin = await db.DataSource.OpenConnectionAsync();
        var holder = await JobLock.TryTakeAsync(db.DataSource, MigratedDatabase.Schema, "nightly", CancellationToken.None);
        Assert.NotNull(holder);
        await using (var kill = new NpgsqlCommand("""
            SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, admin))
            await kill.ExecuteNonQueryAsync();

        // The terminated session's lock is released as its backend exits; wait for that, not for a time.
        JobLock? taken = null;
        for (var i = 0; i < 500 && taken is null; i++)
        {
            taken = await JobLock.TryTakeAsync(db.DataSource, MigratedDatabase.Schema, "nightly", CancellationToken.None);
            if (taken is null) await Task.Delay(10);
        }
        Assert.NotNull(taken);
        await taken!.DisposeAsync();
        await holder!.DisposeAsync();
    }
}
