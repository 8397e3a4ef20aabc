using System.Text;
using CrmKit.PostgreSql.Tests.Server;
using CrmKit.Tests;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Contract;

/// <summary>
/// One database on the shared cluster for one class of the store contract suite. Every database
/// the suite opens is a fresh schema in it, so each property run starts empty and classes run in
/// parallel without seeing each other.
/// </summary>
public sealed class ContractServer : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private int _schemas;

    /// <summary>Opens a fresh schema as a test database.</summary>
    public TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) =>
        TestDatabase.OnServer(new SchemaStore(this, $"contract_{Interlocked.Increment(ref _schemas)}"), configure);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return _database.DisposeAsync();
    }

    /// <summary>One schema of the class's database: opened again by name, dumped with <c>pg_dump</c>, dropped when the test database is disposed.</summary>
    private sealed class SchemaStore(ContractServer server, string schema) : IServerStore
    {
        public CrmDatabase Open(CrmOptions options) =>
            PostgreSqlCrm.Open(options, new PostgreSqlStoreOptions { ConnectionString = server._database.ConnectionString, Schema = schema });

        public byte[] RawContent() => Encoding.UTF8.GetBytes(
            server._database.Cluster.DumpAsync(server._database.Name, [$"--schema={schema}"]).GetAwaiter().GetResult());

        public void Dispose()
        {
            using var command = server._database.DataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            command.ExecuteNonQuery();
        }
    }
}
