using System.IO.Compression;
using System.Text.RegularExpressions;

namespace CrmKit.Packaging.Tests;

/// <summary>
/// Packs every shipped package once (eng/pack.sh) into a temporary folder, and prepares an
/// isolated NuGet setup for fresh apps: a NuGet.config whose sources are that folder plus the
/// machine's configured sources, an empty packages folder, and a fallback folder that lends the
/// machine's third-party packages (never a CrmKit one) so they are not downloaded again.
/// </summary>
public sealed partial class PackedFeed : IDisposable
{
    /// <summary>The shipped packages, each with a symbols package.</summary>
    internal static readonly string[] PackageIds = ["CrmKit", "CrmKit.Scripting", "CrmKit.Hosting", "CrmKit.PostgreSql", "CrmKit.Cli"];

    public PackedFeed()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "crmkit-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Apps = Path.Combine(Root, "apps");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Apps);
        try
        {
            PackOutput = DotnetProcess.Run("bash", ["eng/pack.sh", Feed, Path.Combine(Root, "artifacts")], RepositoryRoot);
            var cli = Directory.GetFiles(Feed, "CrmKit.Cli.*.nupkg").Single(f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
            Version = VersionOf(Path.GetFileName(cli), "CrmKit.Cli");

            var packages = Path.Combine(Root, "packages");
            Directory.CreateDirectory(packages);
            Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
            File.WriteAllText(Path.Combine(Apps, "NuGet.config"), NuGetConfig(Feed, LendMachinePackages()));
        }
        catch
        {
            Dispose(); // xunit does not dispose a fixture whose constructor failed
            throw;
        }
    }

    /// <summary>The repository being tested (the folder with CrmKit.sln).</summary>
    internal string RepositoryRoot { get; }

    /// <summary>This run's temporary folder; removed at the end.</summary>
    internal string Root { get; }

    /// <summary>The folder with the packed .nupkg and .snupkg files.</summary>
    internal string Feed { get; }

    /// <summary>Where fresh apps are created; its NuGet.config applies to everything below it.</summary>
    internal string Apps { get; }

    /// <summary>The version every package was packed with (from git tags).</summary>
    internal string Version { get; }

    /// <summary>What eng/pack.sh printed.</summary>
    internal string PackOutput { get; }

    /// <summary>Environment for restores of fresh apps: an isolated packages folder.</summary>
    internal IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The path of a packed package (<c>.nupkg</c>) or its symbols (<c>.snupkg</c>).</summary>
    internal string PackagePath(string id, string extension = ".nupkg") => Path.Combine(Feed, $"{id}.{Version}{extension}");

    /// <summary>The names of the files inside a packed package.</summary>
    internal IReadOnlyList<string> Entries(string id, string extension = ".nupkg")
    {
        using var zip = ZipFile.OpenRead(PackagePath(id, extension));
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>One file of a packed package, as text.</summary>
    internal string ReadEntry(string id, string entry)
    {
        using var zip = ZipFile.OpenRead(PackagePath(id));
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    internal static string VersionOf(string fileName, string id)
    {
        var match = PackageFileName().Match(fileName);
        Assert.True(match.Success && match.Groups["id"].Value == id, $"unexpected package file name '{fileName}'");
        return match.Groups["version"].Value;
    }

    /// <summary>Removes the temporary folder; the links to the machine's packages go, not what they point to.</summary>
    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CrmKit.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no CrmKit.sln above '{AppContext.BaseDirectory}'");
    }

    /// <summary>
    /// A folder of links to the machine's global packages, leaving out CrmKit's own, so a stale
    /// CrmKit package restored there earlier can never stand in for the one just packed.
    /// </summary>
    private string LendMachinePackages()
    {
        var lent = Path.Combine(Root, "machine-packages");
        Directory.CreateDirectory(lent);
        var listed = DotnetProcess.Run("dotnet", ["nuget", "locals", "global-packages", "--list"], Root);
        var global = listed.Split(':', 2)[1].Trim();
        if (!Directory.Exists(global)) return lent;
        foreach (var package in Directory.GetDirectories(global))
        {
            var name = Path.GetFileName(package);
            if (name.StartsWith("crmkit", StringComparison.OrdinalIgnoreCase)) continue;
            Directory.CreateSymbolicLink(Path.Combine(lent, name), package);
        }
        return lent;
    }

    /// <summary>
    /// No &lt;clear/&gt;: the machine's own sources (user and machine NuGet.config) stay in force
    /// beside the local folder, so third-party dependencies restore as they always do.
    /// </summary>
    private static string NuGetConfig(string feed, string fallback) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="crmkit-packed" value="{feed}" />
          </packageSources>
          <fallbackPackageFolders>
            <add key="machine-packages" value="{fallback}" />
          </fallbackPackageFolders>
        </configuration>
        """;

    [GeneratedRegex(@"^(?<id>.+?)\.(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PackageFileName();
}

/// <summary>The tests that share one packed feed run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    internal const string Name = "packed feed";
}
