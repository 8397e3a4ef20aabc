using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Lifecycle;

/// <summary>Stage rules run by the database: in care sweeps and on their own, recorded like changes by hand.</summary>
public class StageSweepTests
{
    private static TestDatabase OpenWithRules(StageModel? model = null) =>
        TestDatabase.InMemory(o => o with { StageRules = StageRuleSettings.BuiltIn, Stages = model ?? StageModel.Default });

    private static void Buy(TestDatabase db, string code, DateTimeOffset at) =>
        db.Crm.Interactions.Record(new Interaction(code, InteractionKind.Purchase, Channel.Store, at) { Amount = 100m });

    [Fact]
    public void A_sweep_moves_a_prospect_who_bought_to_new_and_on_to_growing_with_the_reason_rule_name()
    {
        using var db = OpenWithRules();
        db.SeedCustomers(3);
        Buy(db, "C0", db.Clock.GetUtcNow().AddDays(-3));
        Buy(db, "C1", db.Clock.GetUtcNow().AddDays(-40));
        Buy(db, "C1", db.Clock.GetUtcNow().AddDays(-3));

        var result = db.Crm.Care.Sweep([]);

        var stages = Assert.IsType<StageRuleRun>(result.Stages);
        Assert.Equal((3, 2, 3), (stages.Evaluated, stages.CustomersChanged, stages.Changes.Count));
        Assert.Equal(new StageId("new"), db.Crm.Customers.Get("C0").Stage);
        Assert.Equal(new StageId("growing"), db.Crm.Customers.Get("C1").Stage);
        Assert.Equal(new StageId("prospect"), db.Crm.Customers.Get("C2").Stage);
        var history = db.Crm.Lifecycle.History("C1");
        Assert.Equal([("created", "prospect"), ("rule first-purchase", "new"), ("rule repeat-purchase", "growing")], history.Select(h => (h.Reason.StartsWith("rule", StringComparison.Ordinal) ? h.Reason : "created", h.To.Name)));
        Assert.All(history.Skip(1), h => Assert.Equal(("stage-rules", result.At), (h.Actor, h.At)));
        Assert.Equal(result.At, db.Crm.Customers.Get("C1").StageSince);
    }

    [Fact]
    public void Care_rules_in_the_same_sweep_see_the_customers_in_their_new_stages()
    {
        using var db = OpenWithRules();
        db.SeedCustomers(1);
        Buy(db, "C0", db.Clock.GetUtcNow());
        var seen = new StageProbe();

        db.Crm.Care.Sweep([seen]);

        Assert.Equal(new StageId("new"), seen.Stage);
    }

    private sealed class StageProbe : ICareRule
    {
        public string Name => "probe";

        public StageId Stage { get; private set; }

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
        {
            Stage = customer.Customer.Stage;
            return [];
        }
    }

    [Fact]
    public void A_lapsed_growing_customer_declines_and_later_churns_as_time_passes()
    {
        using var db = OpenWithRules();
        db.SeedCustomers(1);
        var start = db.Clock.GetUtcNow();
        Buy(db, "C0", start.AddDays(-60));
        Buy(db, "C0", start.AddDays(-30));
        Buy(db, "C0", start);
        db.Crm.Care.Sweep([]);
        Assert.Equal(new StageId("growing"), db.Crm.Customers.Get("C0").Stage);

        db.Clock.Advance(TimeSpan.FromDays(70));
        Assert.Equal("declining", Assert.Single(db.Crm.Care.Sweep([]).Stages!.Changes).To.Name);
        db.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal("churned", Assert.Single(db.Crm.Care.Sweep([]).Stages!.Changes).To.Name);
        db.Clock.Advance(TimeSpan.FromDays(5));
        Buy(db, "C0", db.Clock.GetUtcNow());
        Assert.Equal(["won-back"], db.Crm.Lifecycle.ApplyRules().Changes.Select(c => c.To.Name));
    }

    [Fact]
    public void A_move_the_model_does_not_allow_is_reported_by_the_sweep_and_never_made()
    {
        var noLapse = StageModel.Create("prospect", [("prospect", "new"), ("new", "growing"), ("growing", "mature")]);
        using var db = OpenWithRules(noLapse);
        db.SeedCustomers(1);
        Buy(db, "C0", db.Clock.GetUtcNow().AddDays(-200));
        Buy(db, "C0", db.Clock.GetUtcNow().AddDays(-170));

        var run = db.Crm.Care.Sweep([]).Stages!;

        Assert.Equal(["new", "growing"], run.Changes.Select(c => c.To.Name));
        var refused = Assert.Single(run.Reports, r => r.Outcome == StageRuleOutcome.NotAllowed);
        Assert.Equal(("declining", "growing", "declining"), (refused.Rule, refused.From.Name, refused.To!.Value.Name));
        Assert.Equal(new StageId("growing"), db.Crm.Customers.Get("C0").Stage);
        Assert.Equal(1, run.Count(StageRuleOutcome.NotAllowed));
    }

    [Fact]
    public void Without_stage_rules_configured_a_sweep_changes_no_stage_and_reports_no_run()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);
        Buy(db, "C0", db.Clock.GetUtcNow());

        Assert.Null(db.Crm.Care.Sweep([]).Stages);
        Assert.Empty(db.Crm.Lifecycle.Rules);
        Assert.Equal(new StageId("prospect"), db.Crm.Customers.Get("C0").Stage);
        Assert.Equal(["new"], db.Crm.Care.Sweep([], [StageRules.FirstPurchase()]).Stages!.Changes.Select(c => c.To.Name));
    }

    [Fact]
    public void The_dormant_prospect_rule_never_calls_a_customer_who_has_bought_whatever_the_stage_says()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(2);
        Buy(db, "C0", db.Clock.GetUtcNow());

        db.Crm.Care.Sweep([CareRules.DormantProspect(quietDays: 30)], db.Clock.GetUtcNow().AddDays(100));

        Assert.Empty(db.Crm.Care.For("C0"));
        Assert.NotEmpty(db.Crm.Care.For("C1"));
    }

    [Fact]
    public void The_settings_are_stored_and_checked()
    {
        using var files = new CrmKit.Tests.Storage.DatabaseFiles();
        var path = files.PathOf("crm.db");
        var settings = StageRuleSettings.BuiltIn with { DecliningFactor = 3, ChurnedFactor = 6 };
        using (CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(path) with { StageRules = settings })) { }
        using (var reopened = CrmDatabase.Open(CrmOptions.ForFile(path)))
        {
            Assert.Equal(settings, reopened.Options.StageRules);
            Assert.Equal(["first-purchase", "repeat-purchase", "won-back", "declining", "churned"], reopened.Lifecycle.Rules.Select(r => r.Name));
        }
        using (CrmDatabase.Open(CrmOptions.ForFile(path) with { StageRules = StageRuleSettings.None })) { }
        using (var reopened = CrmDatabase.Open(CrmOptions.ForFile(path))) Assert.Empty(reopened.Lifecycle.Rules);

        var e = Assert.Throws<CrmValidationException>(() => CrmDatabase.Open(CrmOptions.InMemory() with { StageRules = StageRuleSettings.BuiltIn with { ChurnedFactor = 1.5 } }));
        Assert.Equal("stageRules.churnedFactor", e.Field);
    }

    [Property(MaxTest = 40)]
    public Property Over_purchases_and_sweeps_the_history_stays_contiguous_and_a_second_sweep_at_the_same_instant_changes_nothing() =>
        Prop.ForAll(StageRuleGenerators.Life.ToArbitrary(), life =>
        {
            using var db = OpenWithRules();
            db.SeedCustomers(1);
            var start = db.Clock.GetUtcNow();
            var bought = 0;
            var again = 0;
            foreach (var day in life.Sweeps)
            {
                db.Clock.Advance(start.AddDays(day) - db.Clock.GetUtcNow());
                for (; bought < life.Purchases.Length && life.Purchases[bought] <= day; bought++) Buy(db, "C0", start.AddDays(life.Purchases[bought]));
                db.Crm.Care.Sweep([]);
                again += db.Crm.Care.Sweep([]).Stages!.Changes.Count;
            }
            var history = db.Crm.Lifecycle.History("C0");
            var contiguous = history.Zip(history.Skip(1)).All(p => p.Second.From == p.First.To);
            var allowed = history.Skip(1).All(h => StageModel.Default.Allows(h.From!.Value, h.To));
            var ordered = history.Zip(history.Skip(1)).All(p => p.Second.At >= p.First.At);
            return (contiguous && allowed && ordered && again == 0 && history[^1].To == db.Crm.Customers.Get("C0").Stage)
                .Label(string.Join(" > ", history.Select(h => $"{h.To}@{h.At:yyyy-MM-dd}")));
        });
}
