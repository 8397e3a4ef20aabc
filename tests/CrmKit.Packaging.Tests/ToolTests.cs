namespace CrmKit.Packaging.Tests;

/// <summary>The crmkit tool installed from the packed folder, as an operator would.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ToolTests(PackedFeed feed)
{
    [Fact]
    public void The_installed_tool_prints_its_package_version_and_initialises_a_database()
    {
        var toolPath = Path.Combine(feed.Root, "tools");
        DotnetProcess.Run("dotnet",
            ["tool", "install", "CrmKit.Cli", "--tool-path", toolPath, "--add-source", feed.Feed, "--version", feed.Version],
            feed.Apps, feed.Environment);
        var crmkit = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "crmkit.exe" : "crmkit");

        var version = DotnetProcess.Run(crmkit, ["--version"], feed.Apps);
        Assert.Equal(feed.Version, version.Trim());

        var work = Path.Combine(feed.Root, "operator");
        Directory.CreateDirectory(work);
        var init = DotnetProcess.Run(crmkit, ["init", "--db", "crm.db"], work);
        Assert.Contains("Created crm.db.", init);
        Assert.True(File.Exists(Path.Combine(work, "crm.db")));

        // The configuration lives in the database itself: the installed tool reads it back.
        var configuration = DotnetProcess.Run(crmkit, ["configure", "--db", "crm.db"], work);
        Assert.Contains("\"stages\"", configuration);

        var again = DotnetProcess.RunAllowingFailure(crmkit, ["init", "--db", "crm.db"], work);
        Assert.Equal(1, again.ExitCode);

        // The HTML report's chart library and script travel inside the installed tool.
        DotnetProcess.Run(crmkit, ["report", "--html", "report.html", "--db", "crm.db"], work);
        var page = File.ReadAllText(Path.Combine(work, "report.html"));
        Assert.Contains("Licensed to the Apache Software Foundation", page);
        Assert.Contains("window.crmkitReport", page);
    }
}
