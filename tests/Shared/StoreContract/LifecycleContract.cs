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

    [Property(MaxTest = 30)]
    public Property The_period_scan_streams_exactly_the_changes_recorded_in_the_period() =>
        Prop.ForAll(Gen.Choose(0, 2).Zip(Gen.Elements(Stages)).ArrayOf().Where(a => a.Length <= 20).ToArbitrary(), Gen.Choose(0, 30).Two().ToArbitrary(),
            (moves, bounds) =>
            {
                using var db = Open();
                db.SeedCustomers(3);
                var start = db.Clock.GetUtcNow();
                foreach (var (customer, target) in moves)
                {
                    db.Clock.Advance(TimeSpan.FromHours(1));
                    var code = $"C{customer}";
                    if (db.Crm.Lifecycle.Model.Allows(db.Crm.Customers.Get(code).Stage, target)) db.Crm.Lifecycle.Change(code, target, "moved", "tester");
                }
                var (from, to) = (start.AddHours(Math.Min(bounds.Item1, bounds.Item2)), start.AddHours(Math.Max(bounds.Item1, bounds.Item2)));
                var scanned = db.Crm.Store.ReadAsync(async (s, ct) =>
                {
                    var all = new List<StageChange>();
                    await foreach (var chunk in s.Stages.ScanAsync(from, to, ct)) all.AddRange(chunk);
                    return all;
                }, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                var expected = Enumerable.Range(0, 3).SelectMany(i => db.Crm.Lifecycle.History($"C{i}")).Where(c => c.At >= from && c.At < to).ToArray();
                var inOrder = scanned.GroupBy(c => c.Customer).All(g => g.SequenceEqual(db.Crm.Lifecycle.History(g.Key).Where(c => c.At >= from && c.At < to)));
                return (inOrder && scanned.Count == expected.Length && expected.All(scanned.Contains))
                    .Label($"scanned {scanned.Count} of {expected.Length} changes in [{from:o}, {to:o})");
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
