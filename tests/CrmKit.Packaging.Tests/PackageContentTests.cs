using System.Xml.Linq;

namespace CrmKit.Packaging.Tests;

/// <summary>What a package consumer sees in each packed package.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageContentTests(PackedFeed feed)
{
    public static TheoryData<string> Ids => new(PackedFeed.PackageIds);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_package_carries_licence_readme_repository_tags_and_the_tagged_version(string id)
    {
        var nuspec = XDocument.Parse(feed.ReadEntry(id, id + ".nuspec"));
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string? Value(string name) => metadata.Element(ns + name)?.Value;

        Assert.Equal(feed.Version, Value("version"));
        Assert.NotEqual("1.0.0", feed.Version);
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
        Assert.Contains("crm", Value("tags")!.Split(' '));
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")!.Value);

        var entries = feed.Entries(id);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.StartsWith("# ", feed.ReadEntry(id, "README.md"));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_package_has_a_symbols_package_with_its_pdb(string id)
    {
        var assembly = feed.Entries(id).Single(e => e.EndsWith($"/{id}.dll", StringComparison.Ordinal));
        var pdb = Path.ChangeExtension(assembly, ".pdb");
        Assert.Contains(pdb, feed.Entries(id, ".snupkg"));
        // A library's PDB is only in its symbols package; the tool keeps its own for stack traces.
        if (id != "CrmKit.Cli") Assert.DoesNotContain(pdb, feed.Entries(id));
    }

    [Theory]
    [InlineData("CrmKit")]
    [InlineData("CrmKit.Cli")]
    public void Packages_holding_the_report_carry_the_chart_librarys_licence_and_notice(string id)
    {
        var notices = feed.ReadEntry(id, "THIRD-PARTY-NOTICES.txt");
        Assert.Contains("Apache ECharts", notices);
        Assert.Contains("Apache License", notices);
    }

    [Fact]
    public void The_tool_package_is_a_dotnet_tool_named_crmkit()
    {
        var entries = feed.Entries("CrmKit.Cli");
        var settings = entries.Single(e => e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        var command = XDocument.Parse(feed.ReadEntry("CrmKit.Cli", settings)).Descendants("Command").Single();
        Assert.Equal("crmkit", command.Attribute("Name")!.Value);
    }

    [Fact]
    public void The_scripting_worker_travels_inside_the_scripting_package_when_the_repository_has_one()
    {
        var workerProject = Path.Combine(feed.RepositoryRoot, "src", "CrmKit.Scripting.Worker", "CrmKit.Scripting.Worker.csproj");
        var bundled = feed.Entries("CrmKit.Scripting").Where(e => e.StartsWith("bundled/", StringComparison.Ordinal)).ToList();
        if (!File.Exists(workerProject))
        {
            Assert.Empty(bundled);
            return;
        }
        Assert.Contains("bundled/CrmKit.Scripting.Worker.dll", bundled);
        Assert.Contains("bundled/CrmKit.Scripting.Worker.runtimeconfig.json", bundled);
        Assert.Contains("buildTransitive/CrmKit.Scripting.targets", feed.Entries("CrmKit.Scripting"));
    }
}
