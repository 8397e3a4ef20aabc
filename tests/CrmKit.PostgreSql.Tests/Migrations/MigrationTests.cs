using CrmKit.PostgreSql.Migrations;
using CrmKit.PostgreSql.Tests.Server;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Migrations;

public sealed class MigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static int _schemas;

    private static string FreshSchema() => $"crm_{Interlocked.Increment(ref _schemas)}";

    private PostgreSqlStoreOptions Options(string schema) => new() { ConnectionString = database.ConnectionString, Schema = schema };

    [Fact]
    public async Task Migrating_an_empty_database_creates_the_schema_with_every_table()
    {
        var emptyDatabase = await database.CreateAnotherAsync();
        var options = new PostgreSqlStoreOptions { ConnectionString = emptyDatabase };
        Assert.Equal(0, await PostgreSqlSchema.VersionAsync(options));

        var result = await PostgreSqlSchema.MigrateAsync(options);

        Assert.Equal(new SchemaMigrationResult("crmkit", 0, PostgreSqlSchema.SupportedVersion, [.. MigrationCatalog.All.Select(m => m.Name)]), result with { Applied = [.. result.Applied] }, new ResultComparer());
        Assert.Equal(PostgreSqlSchema.SupportedVersion, await PostgreSqlSchema.VersionAsync(options));
        await using var connection = new NpgsqlConnection(emptyDatabase);
        await connection.OpenAsync();
        Assert.Equal(SchemaCatalog.Tables, await SchemaCatalog.TablesAsync(connection, "crmkit"));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var options = Options(FreshSchema());
        await PostgreSqlSchema.MigrateAsync(options);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var before = await SchemaCatalog.FingerprintAsync(connection, options.Schema);

        var again = await PostgreSqlSchema.MigrateAsync(options);

        Assert.Empty(again.Applied);
        Assert.Equal((PostgreSqlSchema.SupportedVersion, PostgreSqlSchema.SupportedVersion), (again.FromVersion, again.ToVersion));
        Assert.Equal(before, await SchemaCatalog.FingerprintAsync(connection, options.Schema));
    }

    [Fact]
    public async Task Two_connections_migrating_at_once_apply_each_migration_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var options = Options(FreshSchema());
            using var start = new Barrier(2);
            var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await using var connection = new NpgsqlConnection(options.ConnectionString);
                await connection.OpenAsync();
                start.SignalAndWait();
                return await Migrator.MigrateAsync(connection, options.Schema, MigrationCatalog.All, CancellationToken.None);
            })));

            Assert.Equal([0, MigrationCatalog.All.Count], both.Select(r => r.Applied.Count).Order());
            Assert.All(both, r => Assert.Equal(PostgreSqlSchema.SupportedVersion, r.ToVersion));
            await using var check = await database.DataSource.OpenConnectionAsync();
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{options.Schema}\".schema_migrations", check);
            Assert.Equal((long)MigrationCatalog.All.Count, await count.ExecuteScalarAsync());
        }
    }

    [Property(MaxTest = 6)]
    public Property Every_table_goes_into_the_schema_named_and_nowhere_else() =>
        Prop.ForAll(Generators.SchemaName.ToArbitrary(), schema =>
        {
            var connectionString = database.CreateAnotherAsync().GetAwaiter().GetResult();
            PostgreSqlSchema.MigrateAsync(new PostgreSqlStoreOptions { ConnectionString = connectionString, Schema = schema }).GetAwaiter().GetResult();
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            var all = SchemaCatalog.AllTablesAsync(connection).GetAwaiter().GetResult();
            var expected = SchemaCatalog.Tables.Select(t => $"{schema}.{t}").Order(StringComparer.Ordinal).ToArray();
            return all.Order(StringComparer.Ordinal).SequenceEqual(expected).Label($"schema {schema}: {string.Join(", ", all)}");
        });

    [Property(MaxTest = 50)]
    public Property A_schema_name_that_is_not_a_lower_case_identifier_is_refused() =>
        Prop.ForAll(Generators.InvalidSchemaName.ToArbitrary(), schema =>
        {
            var options = new PostgreSqlStoreOptions { ConnectionString = "Host=/nowhere", Schema = schema };
            var e = Assert.Throws<CrmValidationException>(options.Validate);
            return (e.Field == "schema").Label(e.Message);
        });

    [Fact]
    public async Task A_missing_connection_string_is_refused_naming_the_option()
    {
        var e = await Assert.ThrowsAsync<CrmValidationException>(() => PostgreSqlSchema.MigrateAsync(new PostgreSqlStoreOptions()));
        Assert.Equal("connectionString", e.Field);
    }

    [Fact]
    public async Task A_database_at_a_newer_version_is_refused_and_left_as_it_was()
    {
        var options = Options(FreshSchema());
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var future = new Migration(MigrationCatalog.Latest + 1, $"{MigrationCatalog.Latest + 1:0000}_future.sql", "CREATE TABLE future (x int)");
        await Migrator.MigrateAsync(connection, options.Schema, [.. MigrationCatalog.All, future], CancellationToken.None);
        var before = await SchemaCatalog.FingerprintAsync(connection, options.Schema);

        var e = await Assert.ThrowsAsync<SchemaVersionException>(() => PostgreSqlSchema.MigrateAsync(options));

        Assert.Equal((options.Schema, MigrationCatalog.Latest + 1, MigrationCatalog.Latest), (e.Schema, e.DatabaseVersion, e.SupportedVersion));
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaCatalog.FingerprintAsync(connection, options.Schema));
    }

    [Fact]
    public async Task A_recorded_migration_that_differs_from_the_shipped_one_is_refused()
    {
        var options = Options(FreshSchema());
        await PostgreSqlSchema.MigrateAsync(options);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var alter = new NpgsqlCommand($"UPDATE \"{options.Schema}\".schema_migrations SET checksum = 'edited' WHERE version = 1", connection))
            await alter.ExecuteNonQueryAsync();

        var e = await Assert.ThrowsAsync<SchemaVersionException>(() => PostgreSqlSchema.MigrateAsync(options));

        Assert.Contains(MigrationCatalog.All[0].Name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_migrations_are_numbered_from_one_in_increasing_order_each_number_once()
    {
        var versions = MigrationCatalog.All.Select(m => m.Version).ToArray();
        Assert.Equal(1, versions[0]);
        Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} then {pair.Second}"));
        Assert.All(MigrationCatalog.All, m => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", m.Name));
    }

    [Fact]
    public async Task A_database_migrated_past_a_version_it_lacks_is_refused_and_left_as_it_was()
    {
        var options = Options(FreshSchema());
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var next = MigrationCatalog.Latest + 1;
        var later = new Migration(next + 1, $"{next + 1:0000}_later.sql", "CREATE TABLE later (x int)");
        await Migrator.MigrateAsync(connection, options.Schema, [.. MigrationCatalog.All, later], CancellationToken.None);
        var before = await SchemaCatalog.FingerprintAsync(connection, options.Schema);
        var between = new Migration(next, $"{next:0000}_between.sql", "CREATE TABLE between_them (x int)");

        var e = await Assert.ThrowsAsync<SchemaVersionException>(() => Migrator.MigrateAsync(connection, options.Schema, [.. MigrationCatalog.All, between, later], CancellationToken.None));

        Assert.Contains(between.Name, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaCatalog.FingerprintAsync(connection, options.Schema));
    }

    private sealed class ResultComparer : IEqualityComparer<SchemaMigrationResult>
    {
        public bool Equals(SchemaMigrationResult? x, SchemaMigrationResult? y) =>
            x is not null && y is not null && (x.Schema, x.FromVersion, x.ToVersion) == (y.Schema, y.FromVersion, y.ToVersion) && x.Applied.SequenceEqual(y.Applied);

        public int GetHashCode(SchemaMigrationResult obj) => obj.FromVersion;
    }
}
