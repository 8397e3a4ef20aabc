using System.Text.RegularExpressions;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>
/// Where a CrmKit database lives on PostgreSQL: the server's connection string and the schema
/// that holds CrmKit's tables. Several application instances configured with the same two values
/// share one customer base.
/// </summary>
/// <remarks>Not thread-safe while being set; read-only use after <see cref="Validate"/> is safe from any thread.</remarks>
public sealed partial class PostgreSqlStoreOptions
{
    /// <summary>The schema used when none is set: <c>crmkit</c>.</summary>
    public const string DefaultSchema = "crmkit";

    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db;Database=crm;Username=app;Password=…</c>.
    /// Required. Its own <c>Search Path</c>, if any, is ignored: CrmKit always works in <see cref="Schema"/>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The schema that holds CrmKit's tables, created by the first migration when it does not exist:
    /// a lower-case PostgreSQL identifier (a-z, 0-9 and '_', starting with a letter or '_', at most
    /// 63 characters). Defaults to <see cref="DefaultSchema"/>. Two schemas in one database are two
    /// separate customer bases.
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>Checks both values and returns every problem at once.</summary>
    /// <exception cref="CrmValidationException">
    /// <see cref="ConnectionString"/> is empty or not a valid Npgsql connection string, or <see cref="Schema"/>
    /// is not a lower-case identifier; the field names the option.
    /// </exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new CrmValidationException("connectionString", "is required but was empty.");
        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new CrmValidationException("connectionString", $"is not a valid Npgsql connection string: {e.Message}");
        }
        if (Schema is null || !SchemaName().IsMatch(Schema))
            throw new CrmValidationException("schema", $"'{Schema}' is not a lower-case PostgreSQL identifier (a-z, 0-9, '_', starting with a letter or '_', at most 63 characters).");
        if (Schema.StartsWith("pg_", StringComparison.Ordinal))
            throw new CrmValidationException("schema", $"'{Schema}' starts with 'pg_', which PostgreSQL reserves for its own schemas.");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
