using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CrmKit.Scripting;

/// <summary>
/// The assemblies a script compiles against: the runtime's core libraries, CrmKit and this
/// assembly. Reading their metadata is the slow part of a first compile, so the list is built once
/// per process and shared (it is immutable).
/// </summary>
internal static class ScriptReferences
{
    private static readonly string[] RuntimeAssemblies =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq",
        "System.Text.RegularExpressions", "System.Memory", "netstandard",
        // Not usable by scripts, but referenced so the sandbox can name what a script reaches for
        // instead of a bare "type not found".
        "System.Console", "System.Net.Http", "System.Net.Primitives", "System.Net.Sockets", "System.Net.NameResolution",
        "System.Diagnostics.Process", "System.ComponentModel.Primitives", "System.Threading", "System.Threading.Thread",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(Load);

    internal static ImmutableArray<MetadataReference> All => Lazy.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var name in RuntimeAssemblies)
        {
            var file = trusted.FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), name, StringComparison.OrdinalIgnoreCase));
            if (file is not null) builder.Add(MetadataReference.CreateFromFile(file));
        }
        builder.Add(MetadataReference.CreateFromFile(typeof(Customer).Assembly.Location));
        builder.Add(MetadataReference.CreateFromFile(typeof(ScriptEngine).Assembly.Location));
        return builder.ToImmutable();
    }
}
