using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CrmKit.Hosting.Tests.Telemetry;

/// <summary>
/// What a running host emits, collected through OpenTelemetry, is what docs/hosting.md documents:
/// every instrument with its type and unit, every activity, every tag with its listed values.
/// </summary>
public class DocumentedTelemetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly string[] Jobs = ["segment-refresh", "care-sweep", "campaign-run"];

    [Fact]
    public async Task A_running_host_emits_the_documented_activities_instruments_and_tag_values()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(Start);
        var activities = new List<Activity>();
        var metrics = new List<Metric>();
        using var host = TestHost.Build(clock, new LogSink(), b =>
        {
            b.Services.AddCrmKit(o =>
            {
                o.DatabasePath = folder.File("crm.db");
                o.CreateDatabaseIfMissing = true;
                o.ContactPolicy = new ContactPolicy { RequireOptIn = true };
                o.CareRules = [new TextEveryone(), new FailsFor("T-0002")];
                foreach (var job in Jobs) o.Schedule(job, Every.Minutes(1));
            });
            b.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource(CrmTelemetry.ActivitySourceName).AddInMemoryExporter(activities))
                .WithMetrics(meters => meters.AddMeter(CrmKitMetrics.MeterName).AddInMemoryExporter(metrics));
        });
        var instruments = new ConcurrentDictionary<string, Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == CrmKitMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, host.Services.GetRequiredService<IMeterFactory>()))
                    instruments[instrument.Name] = instrument;
            },
        };
        listener.Start();

        await host.StartAsync();
        var crm = host.Services.GetRequiredService<CrmDatabase>();
        Seed(crm);
        var board = host.Services.GetRequiredService<JobStatusBoard>();
        var due = Start.AddMinutes(1);
        await Wait.Until(() => Jobs.All(j => board.Find(j)?.NextDue == due), "every job waits for its first run");
        clock.SetUtcNow(due);
        await Wait.Until(() => Jobs.All(j => board.Find(j)?.LastDue == due), "every job ran once");
        await host.StopAsync();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var documentedActivities = TelemetryDocs.Table("Traces", tagColumn: 2);
        var emitted = activities.Where(a => a.Source.Name == CrmTelemetry.ActivitySourceName).ToArray();
        Assert.Equal(documentedActivities.Keys.Order(StringComparer.Ordinal), emitted.Select(a => a.OperationName).Distinct().Order(StringComparer.Ordinal));
        foreach (var activity in emitted)
        {
            var tags = documentedActivities[activity.OperationName].Tags;
            Assert.Equal(ActivityStatusCode.Unset, activity.Status);
            Assert.Empty(tags.Where(t => !t.Value.Optional).Select(t => t.Key).Except(activity.TagObjects.Select(t => t.Key)));
            foreach (var (key, value) in activity.TagObjects)
            {
                Assert.True(tags.TryGetValue(key, out var documented), $"{activity.OperationName} carries the undocumented tag {key}");
                documented.Check($"{activity.OperationName} {key}", value);
            }
        }
        Assert.Contains(emitted, a => a.OperationName == CrmTelemetry.CareSweepActivity && a.Parent?.OperationName == "crmkit.job");

        var documentedInstruments = TelemetryDocs.Table("Metrics", tagColumn: 3);
        Assert.Equal(documentedInstruments.Keys.Order(StringComparer.Ordinal), instruments.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, instrument) in instruments)
        {
            var kind = instrument.GetType().Name.Split('`')[0].ToLowerInvariant();
            Assert.Equal((documentedInstruments[name].Cells[1], documentedInstruments[name].Cells[2].Trim('`')), (kind, instrument.Unit));
        }
        Assert.Contains(metrics, m => m.Name == "crmkit.care.tasks.suppressed");
        foreach (var metric in metrics)
        {
            var tags = documentedInstruments[metric.Name].Tags;
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var (key, value) in point.Tags)
                {
                    Assert.True(tags.TryGetValue(key, out var documented), $"{metric.Name} carries the undocumented tag {key}");
                    documented.Check($"{metric.Name} {key}", value);
                }
            }
        }
    }

    /// <summary>Sixty customers with a year of purchases, imported in two batches, a value fit, a segment and an approved campaign on it.</summary>
    private static void Seed(CrmDatabase crm)
    {
        var random = new Random(5);
        crm.Customers.CreateMany(Enumerable.Range(1, 60).Select(i => new Customer($"T-{i:0000}", $"Customer {i}")
        {
            Tags = i % 2 == 0 ? ["vip"] : [],
            Consents = i % 3 == 0 ? new Dictionary<Channel, Consent> { [Channel.Sms] = new(true, Start.AddDays(-400)), [Channel.Phone] = new(true, Start.AddDays(-400)) } : [],
        }));
        crm.Interactions.RecordBatch(Enumerable.Range(1, 60).SelectMany(i => Enumerable.Range(0, 1 + random.Next(5)).Select(_ =>
            new Interaction($"T-{i:0000}", InteractionKind.Purchase, Channel.Store, Start.AddDays(-random.Next(1, 360))) { Amount = random.Next(20, 400) })));
        crm.Value.Fit(DateOnly.FromDateTime(Start.UtcDateTime.AddDays(-1)));
        crm.Segments.Define(new SegmentDefinition("vip", "VIPs", new SegmentFilter(SegmentClause.HasAnyTag("vip"))));
        crm.Segments.Refresh("vip");
        crm.Campaigns.Create("summer", new CampaignPlan
        {
            Name = "Summer", Goal = "Bring VIPs back", Owner = "am.li", Target = CampaignTarget.OfSegment("vip"),
            Offers = [new CampaignOffer("voucher", "a voucher", 1.0)], Channels = [Channel.Phone],
            Window = new CampaignWindow(Start, Start.AddDays(30)), Response = ResponseRule.OfPurchase(), HoldoutShare = 0.2,
        }, "am.li");
        crm.Campaigns.Submit("summer", "am.li", "ready");
        crm.Campaigns.Approve("summer", "head", "go");
    }
}
