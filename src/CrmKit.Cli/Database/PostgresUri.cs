using Npgsql;

namespace CrmKit.Cli;

/// <summary>
/// Reads a PostgreSQL connection URI, <c>postgresql://user:password@host:port/database?key=value&amp;…</c>,
/// as libpq writes them, into an Npgsql connection string. User, password and query values are
/// percent-decoded; <c>host=/path</c> in the query names a Unix socket folder; <c>sslmode</c>,
/// <c>application_name</c> and <c>connect_timeout</c> take their libpq meaning, and other keys are
/// given to Npgsql as keywords. The <c>schema</c> parameter is CrmKit's schema, returned apart.
/// </summary>
internal static class PostgresUri
{
    /// <exception cref="CommandFailure">The URI is malformed or carries a key Npgsql does not know (exit code 2); the message never repeats the password.</exception>
    internal static (string Connection, string? Schema) Parse(string uri)
    {
        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = "";
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var database = slash >= 0 ? Uri.UnescapeDataString(rest[(slash + 1)..]) : "";

        var builder = new NpgsqlConnectionStringBuilder();
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var user = authority[..at];
            authority = authority[(at + 1)..];
            var colon = user.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon >= 0 ? user[..colon] : user);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(user[(colon + 1)..]);
        }
        var (host, port) = HostAndPort(authority);
        if (host.Length > 0) builder.Host = host;
        if (port is { } p) builder.Port = p;
        if (database.Length > 0) builder.Database = database;

        string? schema = null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq >= 0 ? pair[..eq] : pair);
            var value = eq >= 0 ? Uri.UnescapeDataString(pair[(eq + 1)..]) : "";
            if (key == "schema")
            {
                schema = value;
                continue;
            }
            try
            {
                builder[Keyword(key)] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new CommandFailure(CrmKitCli.UsageError, $"--db: the URI parameter '{key}' is not one PostgreSQL connections take, or its value is not valid.");
            }
        }
        return (builder.ConnectionString, schema);
    }

    private static (string Host, int? Port) HostAndPort(string authority)
    {
        if (authority.Length == 0) return ("", null);
        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new CommandFailure(CrmKitCli.UsageError, "--db: the URI's host starts with '[' but has no closing ']'.");
            host = authority[1..close];
            if (close + 1 < authority.Length && authority[close + 1] == ':') port = authority[(close + 2)..];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority[..colon] : authority;
            if (colon >= 0) port = authority[(colon + 1)..];
        }
        if (port is null) return (Uri.UnescapeDataString(host), null);
        if (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            throw new CommandFailure(CrmKitCli.UsageError, "--db: the URI's port is not a number from 1 to 65535.");
        return (Uri.UnescapeDataString(host), number);
    }

    private static string Keyword(string key) => key switch
    {
        "sslmode" => "SSL Mode",
        "application_name" => "Application Name",
        "connect_timeout" => "Timeout",
        "user" => "Username",
        "dbname" => "Database",
        "options" => "Options",
        _ => key,
    };
}
