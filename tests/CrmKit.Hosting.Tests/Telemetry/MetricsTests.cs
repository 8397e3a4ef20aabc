using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Telemetry;
using CrmKit.Hosting.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Telemetry;

public class MetricsTests
{
    [Fact]
    public async Task Job_runs_script_rejections_and_care_counts_are_measured_on_the_CrmKit_meter()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("scripts/segments"));
        File.WriteAllText(folder.File("scripts/segments/bad.csx"), "Customer.Nope");
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var ledger = new JobLedger { Work = (_, _) => { clock.Advance(TimeSpan.FromSeconds(3)); return Task.CompletedTask; } };
        var host = TestHost.Build(clock, new LogSink(), b =>
        {
            b.Services.AddSingleton(ledger);
            b.Services.AddCrmKit(o =>
            {
                o.DatabasePath = folder.File("crm.db");
                o.CreateDatabaseIfMissing = true;
                o.ScriptsFolder = folder.File("scripts");
                o.Schedule(RecordingJob.JobName, Every.Minutes(1));
            });
            b.Services.AddCrmJob<RecordingJob>();
        });
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var seen = new ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CrmKitMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();

        await host.StartAsync();
        var board = host.Services.GetRequiredService<JobStatusBoard>();
        await Wait.Until(() => board.Find(RecordingJob.JobName)?.NextDue == start.AddMinutes(1), "the job waits");
        clock.SetUtcNow(start.AddMinutes(1));
        await Wait.Until(() => seen.Any(m => m.Name == "crmkit.job.duration"), "the run is measured");
        var metrics = host.Services.GetRequiredService<CrmKitMetrics>();
        metrics.TasksCreated(2, "care-sweep");
        metrics.TasksSuppressed("quiet-hours");
        await host.StopAsync();
        host.Dispose();

        var duration = Assert.Single(seen, m => m.Name == "crmkit.job.duration");
        Assert.Equal(3, duration.Value);
        Assert.Equal("record", duration.Tags["job"]);
        Assert.Equal("succeeded", duration.Tags["outcome"]);
        var failure = Assert.Single(seen, m => m.Name == "crmkit.script.failures");
        Assert.Equal(("segments/bad.csx", "compile"), ((string?)failure.Tags["script"], (string?)failure.Tags["reason"]));
        Assert.Equal(2, Assert.Single(seen, m => m.Name == "crmkit.care.tasks.created").Value);
        Assert.Equal("quiet-hours", Assert.Single(seen, m => m.Name == "crmkit.care.tasks.suppressed").Tags["reason"]);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags) result[tag.Key] = tag.Value;
        return result;
    }
}
