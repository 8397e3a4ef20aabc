using System.Diagnostics.Metrics;
using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Jobs;

/// <summary>The built-in care-sweep and segment-refresh jobs run on a real host on schedule.</summary>
public class BuiltInJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 10, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Scheduled_care_sweep_and_segment_refresh_use_the_built_in_rules_and_the_scripts_folder()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "scripts", "segments"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "scripts", "care"));
        File.WriteAllText(Path.Combine(folder.Path, "scripts", "segments", "vip.csx"), "Customer.HasTag(\"vip\")");
        File.WriteAllText(Path.Combine(folder.Path, "scripts", "care", "vip-call.csx"),
            "if (Customer.HasTag(\"vip\")) Care.Propose(\"vip-call-\" + Now.ToString(\"yyyy-MM\"), channel: \"phone\");");
        var clock = new FakeTimeProvider(Start);
        using var host = TestHost.Build(clock, new LogSink(), b => b.Services.AddCrmKit(o =>
        {
            o.DatabasePath = folder.File("crm.db");
            o.CreateDatabaseIfMissing = true;
            o.ScriptsFolder = Path.Combine(folder.Path, "scripts");
            o.Schedule("care-sweep", Daily.At("06:00", "UTC"));
            o.Schedule("segment-refresh", Daily.At("06:00", "UTC"));
        }));
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var created = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name == "crmkit.care.tasks.created") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref created, value));
        listener.Start();
        await host.StartAsync();
        var crm = host.Services.GetRequiredService<CrmDatabase>();
        crm.Customers.Create(new Customer("C1", "Ana") { Tags = ["vip"], Birthday = new DateOnly(1990, 5, 12) });
        crm.Customers.Create(new Customer("C2", "Bo"));
        var board = host.Services.GetRequiredService<JobStatusBoard>();
        var due = Start.AddHours(1);
        await Wait.Until(() => board.Find("care-sweep")?.NextDue == due && board.Find("segment-refresh")?.NextDue == due, "both jobs wait for 06:00");

        clock.SetUtcNow(due);
        await Wait.Until(() => board.Find("care-sweep") is { Running: false } c && c.LastDue == due
            && board.Find("segment-refresh") is { Running: false } s && s.LastDue == due, "both runs end");

        var tasks = crm.Care.For("C1");
        Assert.Contains(tasks, t => t.OccasionKey.StartsWith("birthday:", StringComparison.Ordinal));
        Assert.Contains(tasks, t => t.OccasionKey.StartsWith("vip-call:vip-call-2026-05", StringComparison.Ordinal));
        Assert.Empty(crm.Care.For("C2"));
        Assert.Equal(["C1"], crm.Segments.Members("vip", PageRequest.First).Items.Select(m => m.Customer.Value));
        Assert.Equal(tasks.Count, Interlocked.Read(ref created));
        await host.StopAsync();
    }
}
