using CrmKit.PostgreSql.Tests.Server;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// The throwaway PostgreSQL server the PostgreSQL benchmarks start themselves: the tests' cluster
/// code (initdb and pg_ctl in a temporary folder, a Unix socket, stopped and deleted at process
/// exit), with <c>fsync</c> on as in production and the time spent syncing the write-ahead log
/// counted (<c>track_wal_io_timing</c>, read from <c>pg_stat_wal</c>). One per benchmark process,
/// a database per class.
/// </summary>
public static class BenchCluster
{
    private static readonly Lazy<Task<PostgresCluster>> Cluster = new(() => PostgresCluster.StartNewAsync(new PostgresClusterOptions
    {
        Durable = true,
        Settings = new Dictionary<string, string> { ["shared_buffers"] = "'256MB'", ["max_connections"] = "200", ["track_wal_io_timing"] = "on" },
    }));

    /// <summary>The server's main process (postmaster), whose children are every server process.</summary>
    public static int ServerProcessId() =>
        Cluster.Value.GetAwaiter().GetResult().ServerProcessId() ?? throw new InvalidOperationException("The benchmark cluster is not running.");

    /// <summary>Creates an empty database on the cluster and returns its connection string.</summary>
    public static string NewDatabase()
    {
        var cluster = Cluster.Value.GetAwaiter().GetResult();
        return cluster.ConnectionString(cluster.CreateDatabaseAsync().GetAwaiter().GetResult());
    }
}
