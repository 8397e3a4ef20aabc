using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>Connections for one CrmKit database: every one works in the CrmKit schema.</summary>
internal static class PostgreSqlConnections
{
    /// <summary>
    /// A pooled data source for <paramref name="options"/> whose connections have
    /// <c>search_path</c> set to the schema alone (so SQL names tables unqualified and never
    /// reaches another schema's), and an application name when the connection string has none.
    /// </summary>
    internal static NpgsqlDataSource Create(PostgreSqlStoreOptions options)
    {
        options.Validate();
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.SearchPath = Migrations.Migrator.Quote(options.Schema);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName)) builder.ConnectionStringBuilder.ApplicationName = "crmkit";
        return builder.Build();
    }
}
