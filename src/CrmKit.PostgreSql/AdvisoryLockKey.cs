using System.Text;

namespace CrmKit.PostgreSql;

/// <summary>
/// Keys for PostgreSQL's two-part advisory locks (<c>pg_advisory_xact_lock(int, int)</c>): the
/// first part names the purpose, the second the schema and the object, so two CrmKit schemas in
/// one database never block each other and CrmKit's locks stay apart from the application's.
/// </summary>
internal static class AdvisoryLockKey
{
    /// <summary>Applying migrations to one schema.</summary>
    internal const string Migrate = "migrate";

    /// <summary>Running one scheduled job (the object is the job's name).</summary>
    internal const string Job = "job";

    internal static (int Purpose, int Target) For(string purpose, string schema, string target = "") =>
        (Fnv1a("crmkit." + purpose), Fnv1a(schema + "\u001f" + target));

    // FNV-1a over UTF-8: stable across processes, machines and .NET versions, unlike string.GetHashCode.
    private static int Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return unchecked((int)hash);
    }
}
