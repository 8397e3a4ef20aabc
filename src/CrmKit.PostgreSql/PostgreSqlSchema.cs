using CrmKit.PostgreSql.Migrations;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>
/// The CrmKit schema in a PostgreSQL database: its version, and bringing it up to date. The store
/// migrates on open; operators can migrate ahead of a deployment (<c>crmkit db migrate</c>).
/// </summary>
/// <remarks>
/// Thread-safe, and safe from several processes at once: migrations run in one transaction under
/// an advisory lock on the schema, so a second caller waits and then finds nothing to do.
/// </remarks>
public static class PostgreSqlSchema
{
    /// <summary>The schema version this version of CrmKit writes and reads.</summary>
    public static int SupportedVersion => MigrationCatalog.Latest;

    /// <summary>
    /// Creates the schema when it does not exist and applies every migration the database lacks,
    /// in order, in one transaction. Applying to an up-to-date database changes nothing.
    /// </summary>
    /// <exception cref="CrmValidationException">The options are invalid; nothing was done.</exception>
    /// <exception cref="SchemaVersionException">The database is newer than this code, or a recorded migration differs; nothing was changed.</exception>
    /// <exception cref="NpgsqlException">The server could not be reached or refused a statement; the transaction was rolled back.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the transaction was rolled back.</exception>
    public static async Task<SchemaMigrationResult> MigrateAsync(PostgreSqlStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await Migrator.MigrateAsync(connection, options.Schema, MigrationCatalog.All, cancellationToken);
    }

    /// <summary>The version the database's CrmKit schema is at: 0 when the schema or its migrations table does not exist.</summary>
    /// <exception cref="CrmValidationException">The options are invalid.</exception>
    /// <exception cref="NpgsqlException">The server could not be reached.</exception>
    public static async Task<int> VersionAsync(PostgreSqlStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await Migrator.VersionAsync(connection, options.Schema, cancellationToken);
    }
}
