using Npgsql;

namespace CrmKit.PostgreSql.Tests.Server;

/// <summary>
/// A fresh, empty database on the shared cluster for one test class: use it as
/// <c>IClassFixture&lt;PostgresDatabase&gt;</c>. Dropped when the class's tests are done. Test
/// classes run in parallel, each in its own database.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    /// <summary>The shared cluster the database lives on.</summary>
    public PostgresCluster Cluster { get; private set; } = null!;

    /// <summary>The database's name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>A connection string for the database, as the superuser.</summary>
    public string ConnectionString => Cluster.ConnectionString(Name);

    /// <summary>A pooled data source for the database.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database fixture is not initialised.");

    public async Task InitializeAsync()
    {
        Cluster = await PostgresCluster.SharedAsync();
        Name = await Cluster.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>
    /// Another empty database on the same cluster, for a test that needs one of its own; it is
    /// dropped with the cluster (at process exit) unless the test drops it.
    /// </summary>
    public async Task<string> CreateAnotherAsync() => Cluster.ConnectionString(await Cluster.CreateDatabaseAsync());

    public async Task DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        await Cluster.DropDatabaseAsync(Name);
    }
}
