using Npgsql;

namespace CrmKit.PostgreSql.Tests.Schema;

public sealed class ConnectionTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Connections_name_tables_unqualified_in_the_configured_schema_only()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = db.Database.ConnectionString, Schema = "tenant_b" };
        await PostgreSqlSchema.MigrateAsync(options);
        await db.InsertCustomerAsync("ONLY-IN-CRMKIT");

        await using var tenantB = PostgreSqlConnections.Create(options);
        await using var count = tenantB.CreateCommand("SELECT count(*) FROM customers WHERE code = 'ONLY-IN-CRMKIT'");
        await using var path = tenantB.CreateCommand("SELECT current_setting('search_path'), current_setting('application_name')");
        await using var reader = await path.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(0L, await count.ExecuteScalarAsync());
        Assert.Equal(("\"tenant_b\"", "crmkit"), (reader.GetString(0), reader.GetString(1)));
    }
}
