using System.Data;
using Npgsql;

namespace CrmKit.PostgreSql.Migrations;

/// <summary>
/// Applies migrations to one schema: in one transaction, under a transaction-scoped advisory lock
/// taken before anything is read, so concurrent callers (several hosts starting at once) queue up
/// and each later one finds the work done. Every applied script is recorded with its checksum in
/// <c>schema_migrations</c>.
/// </summary>
internal static class Migrator
{
    internal const string Table = "schema_migrations";

    internal static async Task<SchemaMigrationResult> MigrateAsync(NpgsqlConnection connection, string schema, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var quoted = Quote(schema);
        var latest = migrations[^1].Version;
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

        var (purpose, target) = AdvisoryLockKey.For(AdvisoryLockKey.Migrate, schema);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, $2)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = purpose });
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = target });
            lockCommand.CommandTimeout = 0;
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        // Existence is checked before creating, so a role without CREATE rights can still open an
        // up-to-date schema (CREATE ... IF NOT EXISTS checks the right first).
        if (await ScalarAsync<bool>(connection, transaction, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", schema, cancellationToken) is false)
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA {quoted}", cancellationToken);
        await ExecuteAsync(connection, transaction, $"SET LOCAL search_path TO {quoted}", cancellationToken);
        if (!await TableExistsAsync(connection, transaction, schema, cancellationToken))
        {
            await ExecuteAsync(connection, transaction, $"""
                CREATE TABLE {Table} (
                    version    integer     NOT NULL,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    CONSTRAINT {Table}_pkey PRIMARY KEY (version)
                )
                """, cancellationToken);
        }

        var applied = new List<(int Version, string Name, string Checksum)>();
        await using (var read = new NpgsqlCommand($"SELECT version, name, checksum FROM {Table} ORDER BY version", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) applied.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }
        var from = applied.Count == 0 ? 0 : applied[^1].Version;
        if (from > latest) throw SchemaVersionException.TooNew(schema, from, latest);
        var shipped = migrations.ToDictionary(m => m.Version);
        foreach (var (version, name, checksum) in applied)
        {
            if (!shipped.TryGetValue(version, out var migration) || migration.Checksum != checksum)
                throw SchemaVersionException.Altered(schema, from, latest, name);
        }
        // A migration numbered below the database's version that the database lacks cannot be
        // applied now: later ones were written expecting it to run first.
        var recorded = applied.Select(a => a.Version).ToHashSet();
        if (migrations.FirstOrDefault(m => m.Version < from && !recorded.Contains(m.Version)) is { } skipped)
            throw SchemaVersionException.Skipped(schema, from, latest, skipped.Name);

        var done = new List<string>();
        foreach (var migration in migrations.Where(m => m.Version > from))
        {
            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction) { CommandTimeout = 0 })
                await script.ExecuteNonQueryAsync(cancellationToken);
            await using (var record = new NpgsqlCommand($"INSERT INTO {Table} (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            done.Add(migration.Name);
        }
        await transaction.CommitAsync(cancellationToken);
        return new SchemaMigrationResult(schema, from, Math.Max(from, latest), done);
    }

    internal static async Task<int> VersionAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(connection, null, schema, cancellationToken)) return 0;
        return await ScalarAsync<int?>(connection, null, $"SELECT max(version) FROM {Quote(schema)}.{Table}", null, cancellationToken) ?? 0;
    }

    /// <summary>A schema name as an SQL identifier; the options allow only [a-z0-9_], so quoting cannot be escaped.</summary>
    internal static string Quote(string schema) => "\"" + schema + "\"";

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string schema, CancellationToken cancellationToken) =>
        await ScalarAsync<bool>(connection, transaction, $"SELECT to_regclass($1) IS NOT NULL", $"{Quote(schema)}.{Table}", cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object? parameter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (parameter is not null) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull or null ? default! : (T)value;
    }
}
