using System.Globalization;
using System.Reflection;

namespace CrmKit.PostgreSql.Migrations;

/// <summary>
/// The migrations embedded in this assembly: <c>Migrations/Scripts/NNNN_name.sql</c>, numbered
/// from 1 without gaps. A new schema version is a new file; a shipped file is never edited, since
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
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migration '{migrations[i].Name}' should be version {i + 1}: versions run from 1 without gaps or repeats.");
        }
        if (migrations.Count == 0) throw new InvalidOperationException("No migrations are embedded in the assembly.");
        return migrations;
    }
}
