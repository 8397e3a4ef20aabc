using CrmKit.PostgreSql.Tests.Server;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>A fresh database on the shared cluster for one test class, opened through the PostgreSQL store.</summary>
public sealed class StoreDatabase : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly List<CrmDatabase> _opened = [];

    public PostgresDatabase Database => _database;

    public string ConnectionString => _database.ConnectionString;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The attributes the tests' customers carry.</summary>
    public static AttributeSchema Schema { get; } = AttributeSchema.Empty
        .Define("city", AttributeType.Text)
        .Define("visits", AttributeType.Integer)
        .Define(SegmentClause.ValueTierAttribute, AttributeType.Text);

    /// <summary>The first instance, opened with the fixture's clock.</summary>
    public CrmDatabase Crm { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Crm = Open();
    }

    /// <summary>Another instance on the same database, with a connection pool of its own, as another host would have.</summary>
    public CrmDatabase Open(TimeProvider? clock = null)
    {
        var crm = PostgreSqlCrm.Open(new CrmOptions { TimeProvider = clock ?? Clock, Attributes = Schema }, new PostgreSqlStoreOptions { ConnectionString = ConnectionString });
        lock (_opened) _opened.Add(crm);
        return crm;
    }

    /// <summary>Runs SQL in the CrmKit schema and reads the first column of every row.</summary>
    public async Task<List<T>> ColumnAsync<T>(string sql, params object[] parameters)
    {
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = PostgreSqlStoreOptions.DefaultSchema, Pooling = false }.ConnectionString);
        await using var command = source.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(reader.GetFieldValue<T>(0));
        return list;
    }

    public async Task DisposeAsync()
    {
        lock (_opened)
        {
            foreach (var crm in _opened) crm.Dispose();
        }
        NpgsqlConnection.ClearAllPools();
        await _database.DisposeAsync();
    }
}
