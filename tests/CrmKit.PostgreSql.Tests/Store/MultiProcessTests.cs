using CrmKit.PostgreSql.Tests.Server;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Several processes writing one customer base at once, a writer killed, the server stopped without a checkpoint.</summary>
public sealed class MultiProcessTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    private const int Customers = 10;

    private void SeedWriterCustomers(CrmDatabase crm)
    {
        for (var i = 0; i < Customers; i++)
            if (crm.Customers.Find($"W{i}") is null) crm.Customers.Create(new Customer($"W{i}", $"writer customer {i}"));
    }

    /// <summary>Every acknowledged batch is stored whole, no batch is stored in part, and stats equal a rebuild from the log.</summary>
    private static async Task AssertConsistentAsync(string connectionString, IReadOnlyList<(string Id, int Size)> acknowledged)
    {
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = "crmkit", Pooling = false }.ConnectionString);
        var stored = new Dictionary<string, int>();
        await using (var command = source.CreateCommand("SELECT metadata->>'batch', count(*)::int FROM interactions WHERE metadata ? 'batch' GROUP BY 1"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored[reader.GetString(0)] = reader.GetInt32(1);
        foreach (var (id, size) in acknowledged)
            Assert.True(stored.TryGetValue(id, out var n) && n == size, $"acknowledged batch {id} of {size} has {n} stored");

        using var crm = PostgreSqlCrm.Open(new CrmOptions(), new PostgreSqlStoreOptions { ConnectionString = connectionString });
        for (var i = 0; i < Customers; i++)
        {
            var kept = crm.Interactions.Stats($"W{i}");
            Assert.Equal(kept, crm.Interactions.RebuildStats($"W{i}"));
        }
        Assert.Equal(stored.Values.Sum(), (int)crm.Interactions.Count() - (int)await CountWithoutBatchAsync(source));
    }

    private static async Task<long> CountWithoutBatchAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand("SELECT count(*) FROM interactions WHERE NOT metadata ? 'batch'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Four_processes_appending_for_the_same_customers_lose_no_stat_and_no_interaction()
    {
        SeedWriterCustomers(db.Crm);
        var writers = Enumerable.Range(0, 4).Select(w => WriterProcess.Start(db.ConnectionString, $"four{w}", 100 + w, batches: 40, Customers)).ToArray();
        try
        {
            await Task.WhenAll(writers.Select(w => w.CompleteAsync(TimeSpan.FromMinutes(3))));
            var acknowledged = writers.SelectMany(w => w.Acknowledged).ToArray();

            Assert.Equal(160, acknowledged.Length);
            await AssertConsistentAsync(db.ConnectionString, acknowledged);
            Assert.Equal(acknowledged.Sum(a => a.Size), (await db.ColumnAsync<long>("SELECT count(*) FROM interactions WHERE metadata->>'batch' LIKE 'four%'")).Single());
        }
        finally
        {
            foreach (var w in writers) w.Dispose();
        }
    }

    [Fact]
    public async Task A_writer_killed_with_SIGKILL_loses_no_acknowledged_batch()
    {
        SeedWriterCustomers(db.Crm);
        var acknowledged = new List<(string Id, int Size)>();
        var random = new Random(7);
        for (var run = 0; run < 3; run++)
        {
            using var writer = WriterProcess.Start(db.ConnectionString, $"kill{run}", random.Next(), batches: 0, Customers);
            await writer.WaitForAcksAsync(2, TimeSpan.FromMinutes(1));
            await Task.Delay(random.Next(0, 400));
            writer.Kill();
            acknowledged.AddRange(writer.Acknowledged);
        }

        Assert.True(acknowledged.Count > 3, "the writers acknowledged too few batches for the test to mean anything");
        await AssertConsistentAsync(db.ConnectionString, acknowledged);
    }

    [Fact]
    public async Task A_server_stopped_immediately_while_a_writer_appends_loses_no_acknowledged_batch()
    {
        // A cluster of its own: the shared one serves the other test classes meanwhile.
        await using var cluster = await PostgresCluster.StartNewAsync();
        var connection = cluster.ConnectionString(await cluster.CreateDatabaseAsync());
        using (var crm = PostgreSqlCrm.Open(new CrmOptions(), new PostgreSqlStoreOptions { ConnectionString = connection })) SeedWriterCustomers(crm);
        IReadOnlyList<(string Id, int Size)> acknowledged;
        using (var writer = WriterProcess.Start(connection, "stop", 11, batches: 0, Customers))
        {
            await writer.WaitForAcksAsync(3, TimeSpan.FromMinutes(1));
            await cluster.StopImmediateAsync();
            // Whatever the writer printed before the server went away was acknowledged while it ran.
            acknowledged = writer.Acknowledged;
            writer.Kill();
        }
        await cluster.StartAsync();
        NpgsqlConnection.ClearAllPools();

        Assert.True(acknowledged.Count > 0, "the writer acknowledged nothing before the server stopped");
        await AssertConsistentAsync(connection, acknowledged);
    }
}
