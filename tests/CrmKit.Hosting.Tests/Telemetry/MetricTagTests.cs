using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Telemetry;

/// <summary>
/// The tag values a real care sweep emits are the documented ones, and no customer code ever
/// becomes a tag value (a metrics backend would grow a series per customer).
/// </summary>
public class MetricTagTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 10, 5, 0, 0, TimeSpan.Zero);
    private static readonly string[] SuppressionReasons = ["opted-out", "no-consent", "frequency-cap", "occasion-closed", "closed-loop"];

    [Fact]
    public async Task A_care_sweep_emits_only_documented_reasons_and_never_a_customer_code()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(Start);
        using var host = TestHost.Build(clock, new LogSink(), b => b.Services.AddCrmKit(o =>
        {
            o.DatabasePath = folder.File("crm.db");
            o.CreateDatabaseIfMissing = true;
            o.ContactPolicy = new ContactPolicy { RequireOptIn = true };
            o.CareRules = [new TextEveryone(), new FailsFor("CUST-0002")];
            o.Schedule("care-sweep", Daily.At("06:00", "UTC"));
        }));
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var seen = new ConcurrentQueue<(string Instrument, string Tag, string? Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CrmKitMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => { foreach (var t in tags) seen.Enqueue((i.Name, t.Key, t.Value?.ToString())); });
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => { foreach (var t in tags) seen.Enqueue((i.Name, t.Key, t.Value?.ToString())); });
        listener.Start();
        await host.StartAsync();
        var crm = host.Services.GetRequiredService<CrmDatabase>();
        var codes = new[] { "CUST-0001", "CUST-0002", "CUST-0003", "CUST-0004" };
        crm.Customers.Create(new Customer(codes[0], "Ana") { Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(true, Start) } });
        crm.Customers.Create(new Customer(codes[1], "Bo") { Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(true, Start) } });
        crm.Customers.Create(new Customer(codes[2], "Cy") { Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(false, Start) } });
        crm.Customers.Create(new Customer(codes[3], "Di"));
        var board = host.Services.GetRequiredService<JobStatusBoard>();
        var due = Start.AddHours(1);
        await Wait.Until(() => board.Find("care-sweep")?.NextDue == due, "the sweep waits for 06:00");
        clock.SetUtcNow(due);
        await Wait.Until(() => seen.Any(m => m.Instrument == "crmkit.job.duration"), "the sweep is measured");
        await host.StopAsync();

        var reasons = seen.Where(m => m.Instrument == "crmkit.care.tasks.suppressed" && m.Tag == "reason").Select(m => m.Value).ToHashSet();
        Assert.Subset(SuppressionReasons.ToHashSet<string?>(), reasons);
        Assert.Contains("opted-out", reasons);
        Assert.Contains("no-consent", reasons);
        var failure = seen.Where(m => m.Instrument == "crmkit.script.failures").ToLookup(m => m.Tag, m => m.Value);
        Assert.Equal(["fails-for-one"], failure["script"]);
        Assert.Equal([MetricTags.OtherFailure], failure["reason"]);
        Assert.DoesNotContain(seen, m => m.Value is { } v && codes.Any(c => v.Contains(c, StringComparison.OrdinalIgnoreCase)));
    }
}
