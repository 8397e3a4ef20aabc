using System.Data.Common;
using CrmKit.PostgreSql;
using Npgsql;

namespace CrmKit.Cli;

/// <summary>
/// What a <c>--db</c> value names: a database file, or a CrmKit schema on a PostgreSQL server. A value
/// is a server when it is a URI starting <c>postgresql://</c> or <c>postgres://</c>, or a key-value
/// connection string starting <c>Host=</c> or <c>Server=</c>; anything else is a file path (write a
/// file named like that as <c>./Host=…</c>). The CrmKit schema is the <c>schema</c> query parameter or
/// <c>Schema=</c> key, <c>crmkit</c> when absent. <see cref="Display"/> never carries the password.
/// </summary>
internal sealed record DatabaseTarget
{
    private DatabaseTarget(string text, string display, string? filePath, PostgreSqlStoreOptions? server)
    {
        Text = text;
        Display = display;
        FilePath = filePath;
        Server = server;
    }

    /// <summary>The value as given (it may hold a password: never print it).</summary>
    internal string Text { get; }

    /// <summary>The value to show in messages: the path as given, or the server, database and schema without the password.</summary>
    internal string Display { get; }

    /// <summary>The database file's full path, or null for a server.</summary>
    internal string? FilePath { get; }

    /// <summary>The server and schema, or null for a file.</summary>
    internal PostgreSqlStoreOptions? Server { get; }

    /// <summary>True when the value names a PostgreSQL server.</summary>
    internal bool IsServer => Server is not null;

    /// <summary>True when <paramref name="value"/> would be read as a server rather than a file.</summary>
    internal static bool LooksLikeServer(string value)
    {
        var v = value.TrimStart();
        return v.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || StartsWithKey(v, "host") || StartsWithKey(v, "server");
    }

    /// <summary>Reads a <c>--db</c> value.</summary>
    /// <exception cref="CommandFailure">A server value is not a valid connection string or names an invalid schema (exit code 2); the message never repeats the value.</exception>
    internal static DatabaseTarget Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!LooksLikeServer(value)) return new DatabaseTarget(value, value, Path.GetFullPath(value), null);
        var trimmed = value.Trim();
        var (connection, schema) = trimmed.Contains("://", StringComparison.Ordinal) ? PostgresUri.Parse(trimmed) : FromKeyValues(trimmed);
        var options = new PostgreSqlStoreOptions { ConnectionString = connection, Schema = schema ?? PostgreSqlStoreOptions.DefaultSchema };
        try
        {
            options.Validate();
        }
        catch (CrmValidationException e)
        {
            throw new CommandFailure(CrmKitCli.UsageError, $"--db: the PostgreSQL {e.Field} {Redacted(e.Reason, options)}");
        }
        return new DatabaseTarget(value, DisplayOf(options), null, options);
    }

    /// <summary>The server, database and schema, as <c>postgresql://user@host:port/database schema crmkit</c>, without the password.</summary>
    internal static string DisplayOf(PostgreSqlStoreOptions options)
    {
        var b = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var user = string.IsNullOrEmpty(b.Username) ? "" : b.Username + "@";
        return $"postgresql://{user}{b.Host}:{b.Port}/{b.Database} schema {options.Schema}";
    }

    private static bool StartsWithKey(string value, string key)
    {
        if (!value.StartsWith(key, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = value.AsSpan(key.Length).TrimStart();
        return rest.Length > 0 && rest[0] == '=';
    }

    private static (string Connection, string? Schema) FromKeyValues(string value)
    {
        var generic = new DbConnectionStringBuilder();
        try
        {
            generic.ConnectionString = value;
        }
        catch (ArgumentException)
        {
            throw new CommandFailure(CrmKitCli.UsageError, "--db: the PostgreSQL connection string is not a list of Key=Value pairs separated by ';'.");
        }
        string? schema = null;
        if (generic.TryGetValue("schema", out var s))
        {
            schema = Convert.ToString(s, System.Globalization.CultureInfo.InvariantCulture);
            generic.Remove("schema");
        }
        return (generic.ConnectionString, schema);
    }

    // A validation message may quote the connection string; take the password out of it.
    private static string Redacted(string message, PostgreSqlStoreOptions options)
    {
        try
        {
            var password = new NpgsqlConnectionStringBuilder(options.ConnectionString).Password;
            return string.IsNullOrEmpty(password) ? message : message.Replace(password, "***", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return message;
        }
    }
}
