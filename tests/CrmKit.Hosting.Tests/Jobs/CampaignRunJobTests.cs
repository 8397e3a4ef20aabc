using CrmKit.Hosting.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Jobs;

/// <summary>The scheduled campaign-run job assigns a running campaign's late joiners on its next run, and leaves drafts alone.</summary>
public class CampaignRunJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 10, 5, 0, 0, TimeSpan.Zero);

    private static CampaignPlan Plan() => new()
    {
        Name = "Spring retention",
        Goal = "Keep at-risk customers",
        Owner = "am.silva",
        Target = CampaignTarget.OfSegment("at-risk"),
        Offers = [new CampaignOffer("discount", "10% off", 1.0)],
        Channels = [Channel.Store],
        Window = new CampaignWindow(Start, Start.AddDays(30)),
        CostPerContact = 1m,
        Budget = 100m,
        AttributionWindow = TimeSpan.FromDays(30),
        Response = new ResponseRule([InteractionKind.CampaignResponse], "accepted", countsPurchase: true),
        HoldoutShare = 0.2,
    };

    [Fact]
    public async Task Each_scheduled_run_assigns_the_customers_who_joined_the_target_since_the_last_one()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(Start);
        using var host = TestHost.Build(clock, new LogSink(), b => b.Services.AddCrmKit(o =>
        {
            o.DatabasePath = folder.File("crm.db");
            o.CreateDatabaseIfMissing = true;
            o.Schedule("campaign-run", Daily.At("06:00", "UTC"));
        }));
        await host.StartAsync();
        var crm = host.Services.GetRequiredService<CrmDatabase>();
        for (var i = 0; i < 10; i++) crm.Customers.Create(new Customer($"R{i:00}", $"Risky {i}") { Tags = ["at-risk"] });
        crm.Segments.Define(new SegmentDefinition("at-risk", "tagged at risk", new SegmentFilter(SegmentClause.HasAnyTag("at-risk"))));
        crm.Segments.Refresh("at-risk");
        crm.Campaigns.Create("spring", Plan(), "am.silva");
        crm.Campaigns.Submit("spring", "am.silva", "ready");
        crm.Campaigns.Approve("spring", "head.of.care", "fits");
        crm.Campaigns.Create("draft", Plan(), "am.silva");
        var board = host.Services.GetRequiredService<JobStatusBoard>();

        var first = Start.AddHours(1);
        await Wait.Until(() => board.Find("campaign-run")?.NextDue == first, "the job waits for 06:00");
        clock.SetUtcNow(first);
        await Wait.Until(() => board.Find("campaign-run") is { Running: false } j && j.LastDue == first, "the first run ends");
        Assert.Equal(10, crm.Campaigns.Assignments("spring").Count);
        Assert.Equal(CampaignStatus.Running, crm.Campaigns.Get("spring").Status);
        Assert.Empty(crm.Campaigns.Assignments("draft"));

        for (var i = 10; i < 13; i++) crm.Customers.Create(new Customer($"R{i:00}", $"Risky {i}") { Tags = ["at-risk"] });
        crm.Segments.Refresh("at-risk");
        var second = first.AddDays(1);
        await Wait.Until(() => board.Find("campaign-run")?.NextDue == second, "the job waits for the next 06:00");
        clock.SetUtcNow(second);
        await Wait.Until(() => board.Find("campaign-run") is { Running: false } j && j.LastDue == second, "the second run ends");
        var assigned = crm.Campaigns.Assignments("spring");
        Assert.Equal(13, assigned.Count);
        Assert.All(assigned.Where(a => string.CompareOrdinal(a.Customer.Value, "R10") >= 0), a => Assert.Equal(second, a.At));
        Assert.DoesNotContain(crm.Care.Tasks(null, new PageRequest(0, 100)).Items, t => assigned.Single(a => a.Customer == t.Customer).IsHoldout);
        await host.StopAsync();
    }
}
