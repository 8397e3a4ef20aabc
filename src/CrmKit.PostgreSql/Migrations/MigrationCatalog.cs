using System.Globalization;
using System.Reflection;

namespace CrmKit.PostgreSql.Migrations;

/// <summary>
/// The migrations embedded in this assembly: <c>Migrations/Scripts/NNNN_name.sql</c>, numbered
/// from 1 in increasing order, each number once. A number may be left unused (reserved for a
/// migration written elsewhere); the migrator then refuses a database that was migrated past a
/// version it lacks. A new schema version is a new file; a shipped file is never edited, since
/// databases record its checksum.
/// </summary>
internal static class MigrationCatalog
{
    private const string Prefix = "CrmKit.PostgreSql.Migrations.";

    /// <summary>Every migration, in version order.</summary>
    internal static IReadOnlyList<Migration> All { get; } = Load(typeof(MigrationCatalog).Assembly);

    /// <summary>The schema version this code writes and reads.</summary>
    internal static int Latest => All[^1].Version;

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            var underscore = name.IndexOf('_');
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                throw new InvalidOperationException($"Migration '{name}' is not named NNNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, name, reader.ReadToEnd().ReplaceLineEndings("\n")));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version < 1 || (i > 0 && migrations[i].Version == migrations[i - 1].Version))
                throw new InvalidOperationException($"Migration '{migrations[i].Name}': versions start at 1 and each is used once.");
        }
        if (migrations.Count == 0) throw new InvalidOperationException("No migrations are embedded in the assembly.");
        return migrations;
    }
}
