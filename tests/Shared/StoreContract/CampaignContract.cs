using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>Campaigns through the store: definitions and steps, templates, assignments, and the lifecycle rules a run keeps.</summary>
public abstract class CampaignContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static readonly PageRequest Everything = new(0, 10_000);

    /// <summary>A plan targeting the stored segment <c>at-risk</c>, open from a day before <paramref name="now"/> for 30 days.</summary>
    internal static CampaignPlan Plan(DateTimeOffset now, double holdout = 0.2) => new()
    {
        Name = "Winter retention",
        Goal = "Keep at-risk customers",
        Owner = "am.silva",
        Target = CampaignTarget.OfSegment("at-risk"),
        Offers = [new CampaignOffer("discount", "10% off for a year", 0.5), new CampaignOffer("upgrade", "free upgrade", 0.5)],
        Channels = [Channel.Phone, Channel.Sms],
        Window = new CampaignWindow(now.AddDays(-1), now.AddDays(29)),
        CostPerContact = 1.25m,
        Budget = 500.50m,
        AttributionWindow = TimeSpan.FromDays(30),
        Response = new ResponseRule([InteractionKind.CampaignResponse], "accepted", countsPurchase: true),
        HoldoutShare = holdout,
    };

    /// <summary>Creates <paramref name="count"/> at-risk customers (tag <c>at-risk</c>) and the refreshed segment of them.</summary>
    internal static void SeedAtRisk(TestDatabase db, int count, int from = 0)
    {
        for (var i = from; i < from + count; i++) db.Crm.Customers.Create(new Customer($"R{i:000}", $"Risky {i}") { Tags = ["at-risk"] });
        if (db.Crm.Segments.Find("at-risk") is null)
            db.Crm.Segments.Define(new SegmentDefinition("at-risk", "tagged at risk", new SegmentFilter(SegmentClause.HasAnyTag("at-risk"))));
        db.Crm.Segments.Refresh("at-risk");
    }

    internal static Campaign Approved(TestDatabase db, string id, CampaignPlan plan)
    {
        db.Crm.Campaigns.Create(id, plan, "am.silva");
        db.Crm.Campaigns.Submit(id, "am.silva", "ready for review");
        return db.Crm.Campaigns.Approve(id, "head.of.care", "budget fits");
    }

    private static List<CareTask> Tasks(TestDatabase db) => db.Crm.Care.Tasks(null, Everything).Items.ToList();

    [Fact]
    public void A_campaign_reads_back_with_its_plan_and_every_step_with_who_when_and_why()
    {
        using var db = Open();
        var now = db.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var plan = Plan(now) with
        {
            Target = CampaignTarget.OfFilter(new SegmentFilter(SegmentClause.HasAnyTag("at-risk", "风险"), SegmentClause.Monetary(ClauseOperator.GreaterOrEqual, 12.50m))),
            Offers = [new CampaignOffer("discount", "10% off", 1 / 3.0, "at-risk"), new CampaignOffer("upgrade", "upgrade", 2 / 3.0)],
        };
        db.Crm.Campaigns.Create("winter", plan, "am.silva");
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        db.Crm.Campaigns.Submit("winter", "am.silva", "ready");
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        var approved = db.Crm.Campaigns.Approve("winter", "head.of.care", "budget fits");
        db.Reopen();

        var stored = db.Crm.Campaigns.Get("winter");
        Assert.Equal(plan, stored.Plan);
        Assert.Equal(now.Offset, stored.Plan.Window.Start.Offset);
        Assert.Equal(12.50m.ToString(System.Globalization.CultureInfo.InvariantCulture), ((SegmentClause)stored.Plan.Target.Filter!.Clauses[1]).Values[0]);
        Assert.Equal(approved.History, stored.History);
        Assert.Equal([CampaignStatus.Draft, CampaignStatus.Submitted, CampaignStatus.Approved], stored.History.Select(h => h.To));
        Assert.Equal(("head.of.care", "budget fits"), (stored.History[^1].Actor, stored.History[^1].Reason));
        Assert.Equal(["winter"], db.Crm.Campaigns.All().Select(c => c.Id));
    }

    [Fact]
    public void A_taken_id_is_refused_and_the_first_campaign_is_kept()
    {
        using var db = Open();
        var plan = Plan(db.Clock.GetUtcNow());
        db.Crm.Campaigns.Create("winter", plan, "am.silva");
        var error = Assert.Throws<CrmValidationException>(() => db.Crm.Campaigns.Create("winter", plan with { Name = "Other" }, "someone"));
        Assert.Contains("'winter'", error.Message);
        Assert.Equal("Winter retention", db.Crm.Campaigns.Get("winter").Plan.Name);
    }

    [Fact]
    public void Templates_are_kept_by_name_replaced_and_copied_into_new_drafts()
    {
        using var db = Open();
        var plan = Plan(db.Clock.GetUtcNow());
        db.Crm.Campaigns.Create("winter", plan, "am.silva");
        db.Crm.Campaigns.SaveAsTemplate("winter", "retention", "the usual retention push");
        db.Crm.Campaigns.SaveTemplate(new CampaignTemplate("a-first", plan with { HoldoutShare = 0.3 }));
        db.Crm.Campaigns.SaveTemplate(new CampaignTemplate("retention", plan with { Budget = 900m }, "replaced"));
        db.Reopen();

        Assert.Equal(["a-first", "retention"], db.Crm.Campaigns.Templates().Select(t => t.Name));
        Assert.Equal((900m, "replaced"), (db.Crm.Campaigns.FindTemplate("retention")!.Plan.Budget, db.Crm.Campaigns.FindTemplate("retention")!.Description));
        var window = new CampaignWindow(plan.Window.Start.AddMonths(1), plan.Window.End.AddMonths(1));
        var copy = db.Crm.Campaigns.CreateFromTemplate("retention", "spring", window, "am.silva");
        Assert.Equal(("retention", window, CampaignStatus.Draft), (copy.CopiedFrom, copy.Plan.Window, copy.Status));
        Assert.Equal(copy.History, db.Crm.Campaigns.Get("spring").History);
        Assert.Throws<CampaignNotFoundException>(() => db.Crm.Campaigns.CreateFromTemplate("missing", "x", window, "am.silva"));
    }

    [Fact]
    public void An_unapproved_campaign_refuses_to_run_and_writes_nothing()
    {
        using var db = Open();
        SeedAtRisk(db, 20);
        var plan = Plan(db.Clock.GetUtcNow());
        db.Crm.Campaigns.Create("draft", plan, "am.silva");
        db.Crm.Campaigns.Create("submitted", plan, "am.silva");
        db.Crm.Campaigns.Submit("submitted", "am.silva", "ready");
        var before = StoreState.Capture(db.Crm);

        foreach (var id in new[] { "draft", "submitted" })
        {
            var error = Assert.Throws<IllegalCampaignTransitionException>(() => db.Crm.Campaigns.Run(id, "runner"));
            Assert.Equal(CampaignStatus.Running, error.To);
            Assert.Empty(db.Crm.Campaigns.Assignments(id));
        }
        Assert.Equal(before, StoreState.Capture(db.Crm));
        Assert.Equal(CampaignStatus.Draft, db.Crm.Campaigns.Get("draft").Status);
    }

    [Fact]
    public void A_run_records_every_assignment_once_and_assigns_late_joiners_on_the_next_run()
    {
        using var db = Open();
        SeedAtRisk(db, 40);
        Approved(db, "winter", Plan(db.Clock.GetUtcNow()));

        var first = db.Crm.Campaigns.Run("winter", "runner");
        var assigned = db.Crm.Campaigns.Assignments("winter");
        Assert.Equal((40, 40, CampaignStatus.Running), (first.NewlyAssigned, assigned.Count, db.Crm.Campaigns.Get("winter").Status));
        Assert.Equal(assigned.Count(a => a.IsHoldout), first.NewlyHeldOut);

        db.Clock.Advance(TimeSpan.FromDays(1));
        var again = db.Crm.Campaigns.Run("winter", "runner");
        Assert.Equal((0, 0), (again.NewlyAssigned, again.Sweep!.Created));
        Assert.Equal(assigned, db.Crm.Campaigns.Assignments("winter"));

        SeedAtRisk(db, 5, from: 40);
        var late = db.Crm.Campaigns.Run("winter", "runner");
        var now = db.Crm.Campaigns.Assignments("winter");
        Assert.Equal((5, 45), (late.NewlyAssigned, now.Count));
        Assert.All(now.Where(a => string.CompareOrdinal(a.Customer.Value, "R040") >= 0), a => Assert.Equal(db.Clock.GetUtcNow(), a.At));
        db.Reopen();
        Assert.Equal(now, db.Crm.Campaigns.Assignments("winter"));
    }

    [Property(MaxTest = 6)]
    public Property A_held_out_customer_never_gets_a_task_from_the_campaign() =>
        Prop.ForAll(Gen.Elements(0.1, 0.3, 0.5, 0.8).ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (holdout, runs) =>
        {
            using var db = Open();
            SeedAtRisk(db, 30);
            Approved(db, "winter", Plan(db.Clock.GetUtcNow(), holdout));
            for (var i = 0; i < runs; i++)
            {
                db.Crm.Campaigns.Run("winter", "runner");
                db.Clock.Advance(TimeSpan.FromDays(2));
            }
            var arms = db.Crm.Campaigns.Assignments("winter").ToDictionary(a => a.Customer);
            var tasks = Tasks(db);
            var held = tasks.Where(t => arms[t.Customer].IsHoldout).Select(t => t.Customer.Value).ToArray();
            var treated = arms.Values.Count(a => !a.IsHoldout);
            return (held.Length == 0 && tasks.Count == treated * 2 && tasks.All(t => t.OccasionKey == $"campaign.winter:{arms[t.Customer].Offer}"))
                .Label($"held-out customers with tasks: {string.Join(", ", held)}; {tasks.Count} tasks for {treated} treated");
        });

    [Fact]
    public void Merging_moves_an_assignment_to_the_survivor_and_keeps_the_survivors_own()
    {
        using var db = Open();
        SeedAtRisk(db, 3);
        Approved(db, "winter", Plan(db.Clock.GetUtcNow()));
        db.Crm.Campaigns.Run("winter", "runner");
        db.Crm.Customers.Create(new Customer("LATE", "Late joiner"));
        var before = db.Crm.Campaigns.Assignments("winter").ToDictionary(a => a.Customer.Value);

        db.Crm.Customers.Merge("LATE", "R000", "desk", "same person");
        db.Crm.Customers.Merge("R001", "R002", "desk", "same person");

        var after = db.Crm.Campaigns.Assignments("winter").ToDictionary(a => a.Customer.Value);
        Assert.Equal(["LATE", "R001"], after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before["R000"] with { Customer = "LATE" }, after["LATE"]);
        Assert.Equal(before["R001"], after["R001"]);
        using var export = System.Text.Json.JsonDocument.Parse(db.Crm.PersonalData.Export("LATE"));
        var campaign = Assert.Single(export.RootElement.GetProperty("campaigns").EnumerateArray());
        Assert.Equal(("winter", before["R000"].Arm), (campaign.GetProperty("campaign").GetString(), campaign.GetProperty("arm").GetString()));
    }

    [Fact]
    public void A_run_outside_the_window_contacts_nobody()
    {
        using var db = Open();
        SeedAtRisk(db, 10);
        var now = db.Clock.GetUtcNow();
        var plan = Plan(now) with { Window = new CampaignWindow(now.AddDays(3), now.AddDays(10)) };
        Approved(db, "later", plan);

        var early = db.Crm.Campaigns.Run("later", "runner");
        Assert.Equal((CampaignStatus.Running, 0, (SweepResult?)null), (early.Campaign.Status, early.Assigned, early.Sweep));
        Assert.Empty(Tasks(db));

        var error = Assert.Throws<CrmValidationException>(() => db.Crm.Campaigns.Run("later", "runner", now.AddDays(10)));
        Assert.Contains("window", error.Message);
        Assert.Empty(Tasks(db));
        Assert.Empty(db.Crm.Campaigns.Assignments("later"));
    }

    [Fact]
    public void A_rehearsal_writes_nothing_and_agrees_with_the_run_that_follows()
    {
        using var db = Open();
        SeedAtRisk(db, 50);
        var plan = Plan(db.Clock.GetUtcNow());
        db.Crm.Campaigns.Create("winter", plan, "am.silva");
        var before = StoreState.Capture(db.Crm);

        var rehearsal = db.Crm.Campaigns.Rehearse("winter");
        Assert.Equal(before, StoreState.Capture(db.Crm));
        Assert.Empty(db.Crm.Campaigns.Assignments("winter"));

        db.Crm.Campaigns.Submit("winter", "am.silva", "ready");
        db.Crm.Campaigns.Approve("winter", "head.of.care", "ok");
        var run = db.Crm.Campaigns.Run("winter", "runner");
        var assigned = db.Crm.Campaigns.Assignments("winter");
        Assert.Equal((rehearsal.Audience, rehearsal.Holdout), (assigned.Count, assigned.Count(a => a.IsHoldout)));
        Assert.Equal(rehearsal.Contactable * plan.Channels.Count, run.Sweep!.Created);
        Assert.Equal(plan.CostOf(rehearsal.Contactable), rehearsal.Cost);
    }
}
