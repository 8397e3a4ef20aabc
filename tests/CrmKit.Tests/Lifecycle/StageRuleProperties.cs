using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Lifecycle;

public class StageRuleProperties
{
    private static readonly StageModel Wider = StageModel.Create("prospect",
    [
        ("prospect", "new"), ("new", "growing"), ("growing", "mature"), ("growing", "declining"), ("mature", "declining"),
        ("declining", "churned"), ("churned", "won-back"), ("won-back", "growing"), ("won-back", "churned"),
    ]);

    private static StageModel Model(string name) => name == "default" ? StageModel.Default : Wider;

    private static CustomerSnapshot Apply(CustomerSnapshot customer, StageEvaluation result, DateTimeOffset now) =>
        result.Changes.Count == 0 ? customer : customer with { Customer = customer.Customer with { Stage = result.Stage, StageSince = now } };

    [Property(MaxTest = 300)]
    public Property Applying_the_proposals_and_evaluating_again_changes_nothing_a_second_time() =>
        Prop.ForAll(StageRuleGenerators.Snapshot(Wider.Stages).ToArbitrary(), Gen.Elements("default", "wider").ToArbitrary(), (customer, modelName) =>
        {
            var model = Model(modelName);
            var now = StageRuleGenerators.Now;
            var first = StageRuleEvaluator.Evaluate(customer, model, StageRules.Defaults(), now);
            var second = StageRuleEvaluator.Evaluate(Apply(customer, first, now), model, StageRules.Defaults(), now);
            return (second.Changes.Count == 0 && second.Stage == first.Stage)
                .Label($"{customer.Customer.Stage} → {string.Join(" → ", first.Changes.Select(c => c.To))}; again: {string.Join(" → ", second.Changes.Select(c => c.To))}");
        });

    [Property(MaxTest = 300)]
    public Property The_changes_are_contiguous_from_the_current_stage_and_follow_allowed_edges() =>
        Prop.ForAll(StageRuleGenerators.Snapshot(Wider.Stages).ToArbitrary(), Gen.Elements("default", "wider").ToArbitrary(), (customer, modelName) =>
        {
            var model = Model(modelName);
            var result = StageRuleEvaluator.Evaluate(customer, model, StageRules.Defaults(), StageRuleGenerators.Now);
            var starts = result.Changes.Count == 0 || result.Changes[0].From == customer.Customer.Stage;
            var contiguous = result.Changes.Zip(result.Changes.Skip(1)).All(p => p.Second.From == p.First.To);
            var allowed = result.Changes.All(c => model.Allows(c.From!.Value, c.To));
            var ends = result.Stage == (result.Changes.Count == 0 ? customer.Customer.Stage : result.Changes[^1].To);
            var reasons = result.Changes.All(c => c.Reason.StartsWith("rule ", StringComparison.Ordinal));
            var refusedNeverMade = result.Reports.Where(r => r.Outcome == StageRuleOutcome.NotAllowed).All(r => !model.Allows(r.From, r.To!.Value));
            return (starts && contiguous && allowed && ends && reasons && refusedNeverMade)
                .Label($"{customer.Customer.Stage} → {string.Join(" → ", result.Changes.Select(c => c.To))}");
        });

    [Property(MaxTest = 150)]
    public Property Over_a_life_of_purchases_and_sweeps_the_history_stays_contiguous_and_a_rerun_never_adds_a_change() =>
        Prop.ForAll(StageRuleGenerators.Life.ToArbitrary(), Gen.Elements("default", "wider").ToArbitrary(), (life, modelName) =>
        {
            var model = Model(modelName);
            var rules = StageRules.Defaults();
            var start = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.FromHours(8));
            var customer = new CustomerSnapshot(new Customer("C0", "Zoë") { Stage = model.Initial, StageSince = start }, CustomerStats.Empty);
            var history = new List<StageChange> { new("C0", null, model.Initial, start, "created", "tester") };
            var rerunsAdded = 0;
            foreach (var day in life.Sweeps)
            {
                var now = start.AddDays(day);
                var bought = life.Purchases.Where(p => p <= day).ToArray();
                var stats = bought.Length == 0
                    ? CustomerStats.Empty
                    : new CustomerStats { PurchaseCount = bought.Length, InteractionCount = bought.Length, FirstPurchaseAt = start.AddDays(bought[0]), LastPurchaseAt = start.AddDays(bought[^1]) };
                customer = customer with { Stats = stats };
                var result = StageRuleEvaluator.Evaluate(customer, model, rules, now);
                history.AddRange(result.Changes);
                customer = Apply(customer, result, now);
                rerunsAdded += StageRuleEvaluator.Evaluate(customer, model, rules, now).Changes.Count;
            }
            var contiguous = history.Zip(history.Skip(1)).All(p => p.Second.From == p.First.To);
            var allowed = history.Skip(1).All(h => model.Allows(h.From!.Value, h.To));
            var ordered = history.Zip(history.Skip(1)).All(p => p.Second.At >= p.First.At);
            return (contiguous && allowed && ordered && rerunsAdded == 0 && history[^1].To == customer.Customer.Stage)
                .Label(string.Join(" > ", history.Select(h => $"{h.To}@{h.At:yyyy-MM-dd}")));
        });
}
