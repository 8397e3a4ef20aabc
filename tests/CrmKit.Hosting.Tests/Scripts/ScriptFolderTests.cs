using CrmKit.Hosting.Scripts;
using CrmKit.Scripting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Scripts;

public sealed class ScriptFolderTests : IDisposable
{
    private const string Vip = "segments/vip.csx";
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new();

    private string Scripts => _folder.File("scripts");

    public void Dispose() => _folder.Dispose();

    private void Write(string name, string source)
    {
        var path = Path.Combine(Scripts, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source);
    }

    private Task<TestHost> Start() => TestHost.StartAsync(_clock, b =>
    {
        b.Services.AddCrmKit(o =>
        {
            o.DatabasePath = _folder.File("crm.db");
            o.CreateDatabaseIfMissing = true;
            o.ScriptsFolder = Scripts;
            o.ScriptReloadDelay = TimeSpan.FromMilliseconds(100);
        });
        b.Services.AddHealthChecks().AddCrmKit();
    });

    /// <summary>Moves the fake clock past the reload delay until the watcher has done what the test waits for.</summary>
    private Task Reloaded(Func<bool> condition, string what) => Wait.Until(condition, what, () => _clock.Advance(TimeSpan.FromMilliseconds(100)));

    private static async Task<HealthReportEntry> Health(TestHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["crmkit"];

    [Fact]
    public async Task Scripts_load_at_start_by_folder_kind()
    {
        Write(Vip, "Customer.HasTag(\"vip\")");
        Write("care/birthday.csx", "Care.Propose(\"birthday\", due: Now, channel: \"email\");");
        Write("notes/readme.csx", "whatever");
        await using var host = await Start();

        var library = host.Services.GetRequiredService<ScriptLibrary>();
        Assert.Equal(["care/birthday.csx", Vip], library.Names);
        Assert.IsType<SegmentScript>(library.Find(Vip));
        Assert.IsType<CareScript>(library.Find("care/birthday.csx"));
        Assert.True(host.Logs.Contains("Ignored"));
        Assert.Equal(HealthStatus.Healthy, (await Health(host)).Status);
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_previous_version_and_logs_compiler_diagnostics()
    {
        Write(Vip, "Customer.HasTag(\"vip\")");
        await using var host = await Start();
        var library = host.Services.GetRequiredService<ScriptLibrary>();
        var status = host.Services.GetRequiredService<ScriptFolderStatus>();
        var before = library.Find(Vip)!;

        Write(Vip, "Customer.HasTagg(\"vip\")");
        await Reloaded(() => status.Broken().ContainsKey(Vip) && host.Logs.Contains("HasTagg"), "the broken edit is seen");

        Assert.Same(before, library.Find(Vip));
        Assert.True(before.IsLoaded);
        Assert.True(host.Logs.Contains("segments/vip.csx(1,10): error CS1061"), string.Join(Environment.NewLine, host.Logs.Lines));
        Assert.True(host.Logs.Contains("the previous version stays loaded"));
        var health = await Health(host);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains(Vip, health.Description);
    }

    [Fact]
    public async Task A_changed_script_reloads_and_a_deleted_one_is_removed()
    {
        Write(Vip, "Customer.HasTag(\"vip\")");
        await using var host = await Start();
        var library = host.Services.GetRequiredService<ScriptLibrary>();
        var before = library.Find(Vip)!;

        Write(Vip, "Customer.HasTag(\"gold\")");
        await Reloaded(() => library.Find(Vip) is { } now && now != before && now.Hash != before.Hash
            && host.Services.GetRequiredService<ScriptFolderStatus>().Broken().Count == 0, "the edit is loaded");
        Assert.False(before.IsLoaded);

        File.Delete(Path.Combine(Scripts, Vip));
        await Reloaded(() => library.Find(Vip) is null, "the script is removed");
        Assert.True(host.Logs.Contains("removed: its file was deleted"));
    }
}
