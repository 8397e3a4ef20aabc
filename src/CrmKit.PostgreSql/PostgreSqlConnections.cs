using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>Connections for one CrmKit database: every one works in the CrmKit schema.</summary>
internal static class PostgreSqlConnections
{
    /// <summary>How many statements a connection keeps prepared when the connection string does not say.</summary>
    internal const int AutoPrepared = 64;

    /// <summary>
    /// A pooled data source for <paramref name="options"/> whose connections have
    /// <c>search_path</c> set to the schema alone (so SQL names tables unqualified and never
    /// reaches another schema's), an application name when the connection string has none, and
    /// automatic preparation of the statements a connection runs again and again (appends, loads,
    /// stats updates: parsed and planned once per connection instead of every time) when the
    /// connection string does not set <c>Max Auto Prepare</c>.
    /// </summary>
    internal static NpgsqlDataSource Create(PostgreSqlStoreOptions options)
    {
        options.Validate();
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.SearchPath = Migrations.Migrator.Quote(options.Schema);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName)) builder.ConnectionStringBuilder.ApplicationName = "crmkit";
        // Keys lists the settings the string gives (ContainsKey answers for every setting Npgsql knows).
        var given = new NpgsqlConnectionStringBuilder(options.ConnectionString).Keys.Cast<string>();
        if (!given.Contains("Max Auto Prepare", StringComparer.OrdinalIgnoreCase)) builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPrepared;
        return builder.Build();
    }
}
