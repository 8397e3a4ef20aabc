namespace CrmKit.PostgreSql;

/// <summary>
/// The CrmKit schema in the database does not match this code: it was migrated by a newer
/// version of CrmKit, a migration it records differs from the one this code ships, or it lacks a
/// migration numbered below its version. Nothing was changed. Upgrade the application (for a
/// newer schema), or restore the shipped migration.
/// </summary>
public sealed class SchemaVersionException : CrmException
{
    internal SchemaVersionException(string schema, int databaseVersion, int supportedVersion, string message)
        : base(message)
    {
        Schema = schema;
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The schema that was checked.</summary>
    public string Schema { get; }

    /// <summary>The highest migration version recorded in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The highest migration version this code ships.</summary>
    public int SupportedVersion { get; }

    internal static SchemaVersionException TooNew(string schema, int databaseVersion, int supportedVersion) =>
        new(schema, databaseVersion, supportedVersion,
            $"schema '{schema}': the database is at version {databaseVersion}, newer than the {supportedVersion} this version of CrmKit supports; upgrade CrmKit.PostgreSql. Nothing was changed.");

    internal static SchemaVersionException Altered(string schema, int databaseVersion, int supportedVersion, string migration) =>
        new(schema, databaseVersion, supportedVersion,
            $"schema '{schema}': migration '{migration}' was applied with a different content than this version of CrmKit ships (its checksum differs). Nothing was changed.");

    internal static SchemaVersionException Skipped(string schema, int databaseVersion, int supportedVersion, string migration) =>
        new(schema, databaseVersion, supportedVersion,
            $"schema '{schema}': the database is at version {databaseVersion} but lacks migration '{migration}', numbered below it (a build without that migration migrated it); later migrations expect it to have run first. Nothing was changed.");
}
