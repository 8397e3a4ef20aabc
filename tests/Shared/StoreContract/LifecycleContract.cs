using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

public abstract class LifecycleContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static readonly StageId[] Stages = StageModel.Default.Stages.ToArray();

    [Property(MaxTest = 80)]
    public Property History_is_contiguous_follows_allowed_edges_and_ends_at_the_current_stage() =>
        Prop.ForAll(Gen.Elements(Stages).ArrayOf().Where(a => a.Length <= 25).ToArbitrary(), attempts =>
        {
            using var db = Open();
            db.SeedCustomers(1);
            var model = db.Crm.Lifecycle.Model;
            foreach (var target in attempts)
            {
                var before = db.Crm.Customers.Get("C0").Stage;
                db.Clock.Advance(TimeSpan.FromHours(1));
                if (model.Allows(before, target))
                    db.Crm.Lifecycle.Change("C0", target, "moved", "tester");
                else
                    Assert.Throws<IllegalStageTransitionException>(() => db.Crm.Lifecycle.Change("C0", target, "moved", "tester"));
            }

            var history = db.Crm.Lifecycle.History("C0");
            var current = db.Crm.Customers.Get("C0");
            var contiguous = history.Zip(history.Skip(1)).All(p => p.Second.From == p.First.To);
            var allowed = history.Skip(1).All(h => model.Allows(h.From!.Value, h.To));
            var starts = history[0].From is null && history[0].To == model.Initial;
            return (contiguous && allowed && starts && history[^1].To == current.Stage && history[^1].At == current.StageSince)
                .Label($"history: {string.Join(" > ", history.Select(h => h.To))}; current {current.Stage}");
        });

    [Fact]
    public void A_custom_model_is_enforced_and_the_error_names_the_allowed_stages()
    {
        var grades = StageModel.Create("lead", [("lead", "qualified"), ("qualified", "customer"), ("lead", "lost")]);
        using var db = Open(o => o with { Stages = grades });
        db.SeedCustomers(1);

        var error = Assert.Throws<IllegalStageTransitionException>(() => db.Crm.Lifecycle.Change("C0", "customer", "skip", "tester"));

        Assert.Contains("'qualified', 'lost'", error.Message);
        Assert.Equal(new StageId("lead"), db.Crm.Customers.Get("C0").Stage);
    }
}
