namespace CrmKit.PostgreSql;

/// <summary>What <see cref="PostgreSqlSchema.MigrateAsync"/> found and did.</summary>
/// <param name="Schema">The schema migrated.</param>
/// <param name="FromVersion">The version the database was at before: 0 for an empty database.</param>
/// <param name="ToVersion">The version it is at now, <see cref="PostgreSqlSchema.SupportedVersion"/>.</param>
/// <param name="Applied">The migrations applied by this call, in order; empty when the database was up to date.</param>
public sealed record SchemaMigrationResult(string Schema, int FromVersion, int ToVersion, IReadOnlyList<string> Applied);
