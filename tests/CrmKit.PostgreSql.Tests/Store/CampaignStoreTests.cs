namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Campaigns on the PostgreSQL store: read back by another host, and assigned and tasked once when hosts run a campaign together.</summary>
public sealed class CampaignStoreTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    private CampaignPlan Plan(string segment, double holdout = 0.25)
    {
        var now = db.Clock.GetUtcNow();
        return new CampaignPlan
        {
            Name = "Winter retention",
            Goal = "Keep at-risk customers",
            Owner = "am.silva",
            Target = CampaignTarget.OfSegment(segment),
            Offers = [new CampaignOffer("discount", "10% off", 0.5), new CampaignOffer("upgrade", "free upgrade", 0.5, segment)],
            Channels = [Channel.Phone, Channel.Sms],
            Window = new CampaignWindow(now.AddDays(-1).ToOffset(TimeSpan.FromHours(8)), now.AddDays(29)),
            CostPerContact = 1.25m,
            Budget = 500.50m,
            AttributionWindow = TimeSpan.FromDays(21),
            Response = new ResponseRule([InteractionKind.CampaignResponse], "accepted", countsPurchase: true),
            HoldoutShare = holdout,
        };
    }

    private void Seed(string prefix, int count)
    {
        db.Crm.Customers.CreateMany(Enumerable.Range(0, count).Select(i => new Customer($"{prefix}-{i:000}", $"risky {i}") { Tags = [prefix.ToLowerInvariant()] }));
        db.Crm.Segments.Define(new SegmentDefinition(prefix.ToLowerInvariant(), "at risk", new SegmentFilter(SegmentClause.HasAnyTag(prefix.ToLowerInvariant()))));
        db.Crm.Segments.Refresh(prefix.ToLowerInvariant());
    }

    private void Approve(string id, CampaignPlan plan)
    {
        db.Crm.Campaigns.Create(id, plan, "am.silva");
        db.Crm.Campaigns.Submit(id, "am.silva", "ready");
        db.Crm.Campaigns.Approve(id, "head.of.care", "budget fits");
    }

    [Fact]
    public void A_campaign_its_steps_and_templates_read_back_from_another_host()
    {
        var plan = Plan("pg-read");
        Approve("pg-read", plan);
        db.Crm.Campaigns.SaveAsTemplate("pg-read", "pg-retention", "the usual");

        var other = db.Open();
        var stored = other.Campaigns.Get("pg-read");
        Assert.Equal(plan, stored.Plan);
        Assert.Equal(TimeSpan.FromHours(8), stored.Plan.Window.Start.Offset);
        Assert.Equal(db.Crm.Campaigns.Get("pg-read").History, stored.History);
        Assert.Equal(("head.of.care", "budget fits", CampaignStatus.Approved), (stored.History[^1].Actor, stored.History[^1].Reason, stored.Status));
        Assert.Equal((plan, "the usual"), (other.Campaigns.FindTemplate("pg-retention")!.Plan, other.Campaigns.FindTemplate("pg-retention")!.Description));
        Assert.Throws<CrmValidationException>(() => other.Campaigns.Create("pg-read", plan, "someone"));
    }

    [Fact]
    public async Task Two_hosts_running_a_campaign_at_once_assign_and_task_every_customer_once()
    {
        Seed("PGRUN", 60);
        Approve("pg-run", Plan("pgrun"));
        var at = db.Clock.GetUtcNow();
        var hosts = new[] { db.Open(), db.Open() };
        using var start = new Barrier(hosts.Length);

        var results = await Task.WhenAll(hosts.Select(host => Task.Run(() =>
        {
            start.SignalAndWait();
            return host.Campaigns.Run("pg-run", "scheduler", at);
        })));

        var assignments = db.Open().Campaigns.Assignments("pg-run");
        Assert.Equal(60, assignments.Count);
        Assert.Equal(60, results.Sum(r => r.NewlyAssigned));
        var arms = assignments.ToDictionary(a => a.Customer);
        var tasks = await db.ColumnAsync<string>("SELECT customer_code FROM care_tasks WHERE occasion_key LIKE 'campaign.pg-run:%'");
        Assert.Equal(arms.Values.Count(a => !a.IsHoldout) * 2, tasks.Count);
        Assert.All(tasks, code => Assert.False(arms[code].IsHoldout, $"held-out {code} has a task"));
        Assert.Equal(CampaignStatus.Running, db.Open().Campaigns.Get("pg-run").Status);
        Assert.Equal(4, db.Open().Campaigns.Get("pg-run").History.Count);
    }

    [Fact]
    public void An_unapproved_campaign_refuses_to_run_and_records_nothing()
    {
        Seed("PGDRAFT", 10);
        db.Crm.Campaigns.Create("pg-draft", Plan("pgdraft"), "am.silva");
        Assert.Throws<IllegalCampaignTransitionException>(() => db.Crm.Campaigns.Run("pg-draft", "scheduler"));
        Assert.Empty(db.Open().Campaigns.Assignments("pg-draft"));
        Assert.Single(db.Open().Campaigns.Get("pg-draft").History);
    }
}
