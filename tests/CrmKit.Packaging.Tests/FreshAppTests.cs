namespace CrmKit.Packaging.Tests;

/// <summary>A new user's first apps, built only from the packed packages.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class FreshAppTests(PackedFeed feed)
{
    [Fact]
    public void A_fresh_console_app_creates_a_customer_on_a_fresh_database()
    {
        var app = Path.Combine(feed.Apps, "console");
        DotnetProcess.Run("dotnet", ["new", "console", "-o", app, "-n", "FirstCustomer", "--no-restore"], feed.Apps, feed.Environment);
        DotnetProcess.Run("dotnet", ["add", "package", "CrmKit", "--version", feed.Version], app, feed.Environment);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using CrmKit;

            using var crm = CrmDatabase.Open(new CrmOptions { FilePath = args[0], CreateIfMissing = true });
            var created = crm.Customers.Create(new Customer("D-1001", "王芳") { Tags = ["family"] });
            Console.WriteLine($"created {created.Code} {created.Name}; customers: {crm.Customers.Count()}");
            """);
        var database = Path.Combine(app, "first.db");

        var output = DotnetProcess.Run("dotnet", ["run", "--", database], app, feed.Environment);

        Assert.Contains("created D-1001 王芳; customers: 1", output);
        Assert.True(File.Exists(database));
        AssertRestoredFromFeed(app, "CrmKit");
    }

    [Fact]
    public void A_fresh_generic_host_app_adds_crmkit_then_starts_and_stops()
    {
        var app = Path.Combine(feed.Apps, "host");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "FirstHost.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CrmKit.Hosting" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using CrmKit;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddCrmKit(o => { o.DatabasePath = args[0]; o.CreateDatabaseIfMissing = true; });
            builder.Services.AddHealthChecks().AddCrmKit();
            using var host = builder.Build();
            await host.StartAsync();
            var crm = host.Services.GetRequiredService<CrmDatabase>();
            crm.Customers.Create(new Customer("H-1", "李雷"));
            Console.WriteLine($"host started; customers: {crm.Customers.Count()}");
            await host.StopAsync();
            Console.WriteLine("host stopped");
            """);
        var database = Path.Combine(app, "host.db");

        var output = DotnetProcess.Run("dotnet", ["run", "--", database], app, feed.Environment);

        Assert.Contains("host started; customers: 1", output);
        Assert.Contains("host stopped", output);
        AssertRestoredFromFeed(app, "CrmKit.Hosting");
        AssertBundledProgramsCopied(app);
    }

    /// <summary>The package came from the packed folder into this run's own packages folder.</summary>
    private void AssertRestoredFromFeed(string app, string id)
    {
        var packages = feed.Environment["NUGET_PACKAGES"];
        Assert.True(Directory.Exists(Path.Combine(packages, id.ToLowerInvariant(), feed.Version.ToLowerInvariant())),
            $"{id} {feed.Version} was not restored into '{packages}'");
        var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        Assert.Contains($"\"{id}/{feed.Version}\"", assets);
    }

    /// <summary>Whatever a package bundles (the script worker) lands next to the app, via CrmKit.Hosting's dependency on CrmKit.Scripting.</summary>
    private void AssertBundledProgramsCopied(string app)
    {
        var output = Path.Combine(app, "bin", "Debug", "net10.0");
        Assert.True(File.Exists(Path.Combine(output, "CrmKit.Scripting.dll")));
        foreach (var entry in feed.Entries("CrmKit.Scripting").Where(e => e.StartsWith("bundled/", StringComparison.Ordinal)))
            Assert.True(File.Exists(Path.Combine(output, Path.GetFileName(entry))), $"{entry} of CrmKit.Scripting was not copied to '{output}'");
    }
}
