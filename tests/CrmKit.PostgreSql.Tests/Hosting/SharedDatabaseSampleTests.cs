using System.Diagnostics;
using CrmKit.PostgreSql.Tests.Server;

namespace CrmKit.PostgreSql.Tests.Hosting;

/// <summary>Runs samples/SharedDatabase, as the README and the hosting guide point to it, against the test server.</summary>
public sealed class SharedDatabaseSampleTests(PostgresDatabase server) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_sample_runs_the_nightly_sweep_on_one_of_two_instances_and_loses_no_purchase()
    {
        // tests/CrmKit.PostgreSql.Tests/bin/<configuration>/net10.0/ → samples/SharedDatabase/bin/<configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "samples", "SharedDatabase", "bin", output.Parent.Name, output.Name, "SharedDatabase.dll");
        Assert.True(File.Exists(dll), $"sample not built at {dll}");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, server.ConnectionString])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        var text = await process.StandardOutput.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, text + await error);

        Assert.Contains("S-07, read on web-2: 20 purchases, 200.00 in total", text);
        Assert.Matches(@"The sweep ran on web-(1|2); web-(1|2) skipped it \(2026-12-02T\S+ \((running|completed)-elsewhere\)\)\.", text);
        Assert.Contains("another instance sharing the database runs or ran it", text);
        Assert.Matches(@"Care tasks in the shared database: [1-9][0-9]* for 20 customers, 0 created twice\.", text);
    }
}
