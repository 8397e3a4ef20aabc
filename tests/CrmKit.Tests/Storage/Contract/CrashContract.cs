using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>
/// A child process appends acknowledged batches and is killed (SIGKILL) at a random moment, 20
/// times over one file. After each reopen every acknowledged batch must be there in full and
/// every customer's stats must equal a rebuild from the log.
/// </summary>
public abstract class CrashContract(ITestOutputHelper output)
{
    private const int Kills = 20;

    [Fact]
    public void Acknowledged_batches_survive_a_kill_and_stats_stay_consistent()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crmkit-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "crash.db");
        var random = new Random(20261126);
        var acknowledged = new Dictionary<string, int>();
        try
        {
            for (var run = 0; run < Kills; run++)
            {
                var acks = RunAndKill(path, $"r{run}", random.Next(), TimeSpan.FromMilliseconds(random.Next(50, 900)));
                foreach (var (id, size) in acks) acknowledged[id] = size;

                using var crm = CrmDatabase.Open(CrmOptions.ForFile(path));
                var found = new Dictionary<string, int>();
                for (var c = 0; c < 10; c++)
                {
                    if (crm.Customers.Find($"W{c}") is null) continue;
                    var stats = crm.Interactions.Stats($"W{c}");
                    Assert.Equal(crm.Interactions.RebuildStats($"W{c}"), stats);
                    for (var page = new PageRequest(0, 10_000); ; page = page.Next)
                    {
                        var items = crm.Interactions.For($"W{c}", page);
                        foreach (var i in items.Items) found[i.Metadata["batch"]] = found.GetValueOrDefault(i.Metadata["batch"]) + 1;
                        if (!items.HasMore) break;
                    }
                }
                foreach (var (id, size) in acknowledged)
                {
                    Assert.True(found.TryGetValue(id, out var n) && n == size, $"batch {id}: acknowledged {size}, found {found.GetValueOrDefault(id)} after kill {run}");
                }
                output.WriteLine($"kill {run}: {acks.Count} batches acknowledged, {found.Count} batches on file");
            }
            Assert.True(acknowledged.Count > Kills, "the writer acknowledged too few batches for the test to mean anything");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<(string Id, int Size)> RunAndKill(string path, string run, int seed, TimeSpan after)
    {
        var writer = Path.Combine(AppContext.BaseDirectory.Replace("CrmKit.Tests", "CrmKit.CrashWriter", StringComparison.Ordinal), "CrmKit.CrashWriter.dll");
        Assert.True(File.Exists(writer), $"crash writer not built at {writer}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { writer, path, run, seed.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);

        using var process = Process.Start(start)!;
        var lines = new BlockingCollection<string>();
        var reader = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line) lines.Add(line);
            lines.CompleteAdding();
        });
        if (!lines.TryTake(out var first, TimeSpan.FromSeconds(60)) || first != "ready")
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the writer did not start: " + process.StandardError.ReadToEnd());
        }
        Thread.Sleep(after);
        process.Kill(entireProcessTree: true); // SIGKILL on Unix: no flush, no dispose
        process.WaitForExit();
        reader.Wait(TimeSpan.FromSeconds(10));

        return lines.Where(l => l.StartsWith("ack ", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .Select(p => (p[1], int.Parse(p[2], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
