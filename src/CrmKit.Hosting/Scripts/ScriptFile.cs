using CrmKit.Scripting;

namespace CrmKit.Hosting.Scripts;

/// <summary>
/// A script file of the watched folder: its library name is its path relative to the folder with
/// <c>/</c> separators (<c>segments/vip.csx</c>), and its kind comes from its top folder:
/// <c>segments/</c> holds segment scripts, <c>care/</c> holds care scripts.
/// </summary>
internal sealed record ScriptFile(string FullPath, string Name, ScriptKind Kind)
{
    internal const string Extension = ".csx";

    /// <summary>The script file at <paramref name="fullPath"/>, or null when it is not a <c>.csx</c> file under <c>segments/</c> or <c>care/</c>.</summary>
    internal static ScriptFile? TryCreate(string folder, string fullPath)
    {
        if (!fullPath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)) return null;
        var name = Path.GetRelativePath(folder, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return null;
        ScriptKind? kind = name[..slash] switch
        {
            "segments" => ScriptKind.Segment,
            "care" => ScriptKind.Care,
            _ => null,
        };
        return kind is null ? null : new ScriptFile(fullPath, name, kind.Value);
    }
}
