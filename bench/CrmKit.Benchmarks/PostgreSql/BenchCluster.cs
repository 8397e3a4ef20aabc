using CrmKit.PostgreSql.Tests.Server;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// The throwaway PostgreSQL server the PostgreSQL benchmarks start themselves: the tests' cluster
/// code (initdb and pg_ctl in a temporary folder, a Unix socket, stopped and deleted at process
/// exit), with <c>fsync</c> on as in production. One per benchmark process, a database per class.
/// </summary>
public static class BenchCluster
{
    private static readonly Lazy<Task<PostgresCluster>> Cluster = new(() => PostgresCluster.StartNewAsync(new PostgresClusterOptions
    {
        Durable = true,
        Settings = new Dictionary<string, string> { ["shared_buffers"] = "'256MB'", ["max_connections"] = "200" },
    }));

    /// <summary>Creates an empty database on the cluster and returns its connection string.</summary>
    public static string NewDatabase()
    {
        var cluster = Cluster.Value.GetAwaiter().GetResult();
        return cluster.ConnectionString(cluster.CreateDatabaseAsync().GetAwaiter().GetResult());
    }
}
