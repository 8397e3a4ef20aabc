using Npgsql;

namespace CrmKit.PostgreSql.Tests.Server;

public sealed class PostgresClusterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Shared_cluster_serves_a_fresh_database_over_its_socket()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT current_database(), current_setting('server_version_num')::int, current_setting('listen_addresses')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(database.Name, reader.GetString(0));
        Assert.True(reader.GetInt32(1) >= 130000, $"server version {reader.GetInt32(1)}");
        Assert.Equal("", reader.GetString(2));
        Assert.True(File.Exists(Path.Combine(database.Cluster.SocketDirectory, ".s.PGSQL." + PostgresCluster.Port)));
    }

    [Fact]
    public async Task Committed_rows_survive_an_immediate_stop_and_uncommitted_ones_do_not()
    {
        await using var cluster = await PostgresCluster.StartNewAsync();
        var name = await cluster.CreateDatabaseAsync();
        await cluster.ExecuteAsync("CREATE TABLE t (id int PRIMARY KEY, note text); INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 1000) g", name);

        await using (var open = new NpgsqlConnection(cluster.ConnectionString(name)))
        {
            await open.OpenAsync();
            await using var transaction = await open.BeginTransactionAsync();
            await using (var insert = new NpgsqlCommand("INSERT INTO t VALUES (5000, 'never committed')", open, transaction))
                await insert.ExecuteNonQueryAsync();
            var before = cluster.ServerProcessId();
            Assert.NotNull(before);

            await cluster.StopImmediateAsync();
            Assert.False(cluster.IsRunning);
            Assert.Null(cluster.ServerProcessId());
        }

        await cluster.StartAsync();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(name));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*), count(*) FILTER (WHERE id = 5000) FROM t", connection);
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1000L, reader.GetInt64(0));
        Assert.Equal(0L, reader.GetInt64(1));
        Assert.Contains("database system was interrupted", cluster.ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_holds_the_rows_written()
    {
        var name = await database.Cluster.CreateDatabaseAsync();
        await database.Cluster.ExecuteAsync("CREATE TABLE people (name text); INSERT INTO people VALUES ('王芳 on file')", name);

        var dump = await database.Cluster.DumpAsync(name, ["--data-only"]);

        Assert.Contains("王芳 on file", dump, StringComparison.Ordinal);
        await database.Cluster.DropDatabaseAsync(name);
    }

    [Fact]
    public async Task Disposing_stops_the_server_and_deletes_its_folder()
    {
        var cluster = await PostgresCluster.StartNewAsync();
        var pid = cluster.ServerProcessId();
        Assert.NotNull(pid);

        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(cluster.Folder));
        Assert.False(File.Exists(cluster.Folder + ".lock"));
        Assert.False(StaleClusters.IsRunningPostgres(pid.Value));
    }

    [Fact]
    public async Task A_cluster_left_running_by_a_killed_run_is_cleared_by_the_next()
    {
        var left = await PostgresCluster.StartNewAsync();
        var pid = left.ServerProcessId();
        Assert.NotNull(pid);
        left.AbandonAsIfKilled();

        var cleared = await StaleClusters.SweepAsync(Path.GetDirectoryName(left.Folder)!);

        Assert.True(cleared >= 1);
        Assert.False(Directory.Exists(left.Folder));
        Assert.Null(StaleClusters.ServerProcessId(left.DataDirectory));
        // The shared cluster, still owned by this process, was left alone.
        Assert.True(Directory.Exists(database.Cluster.Folder));
        await using var connection = await database.DataSource.OpenConnectionAsync();
    }
}
