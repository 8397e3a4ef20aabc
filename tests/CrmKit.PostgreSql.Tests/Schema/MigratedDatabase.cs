using CrmKit.PostgreSql.Tests.Server;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Schema;

/// <summary>A fresh database on the shared cluster with the CrmKit schema migrated, for one test class.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public const string Schema = PostgreSqlStoreOptions.DefaultSchema;

    public PostgresDatabase Database => _database;

    /// <summary>A data source whose connections work in the CrmKit schema.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await PostgreSqlSchema.MigrateAsync(new PostgreSqlStoreOptions { ConnectionString = _database.ConnectionString });
        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { SearchPath = Schema }.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Inserts a minimal customer row and returns its change mark.</summary>
    public Task<long> InsertCustomerAsync(string code) => ScalarAsync<long>("""
        INSERT INTO customers (code, name, stage, stage_since, stage_since_offset, created_at, created_offset, updated_at, updated_offset, version)
        VALUES ($1, 'name of ' || $1, 'prospect', now(), 0, now(), 0, now(), 0, 1)
        RETURNING change_mark
        """, code);
}
