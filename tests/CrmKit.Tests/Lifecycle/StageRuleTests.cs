namespace CrmKit.Tests.Lifecycle;

public class StageRuleTests
{
    private static readonly DateTimeOffset Now = StageRuleGenerators.Now;

    private static CustomerSnapshot Customer(StageId stage, DateTimeOffset since, params int[] purchaseDaysAgo)
    {
        var days = purchaseDaysAgo.Order().ToArray();
        var stats = days.Length == 0
            ? CustomerStats.Empty
            : new CustomerStats { PurchaseCount = days.Length, InteractionCount = days.Length, FirstPurchaseAt = Now.AddDays(-days[^1]), LastPurchaseAt = Now.AddDays(-days[0]) };
        return new CustomerSnapshot(new Customer("C0", "王芳") { Stage = stage, StageSince = since }, stats);
    }

    private static StageEvaluation Run(CustomerSnapshot customer, StageModel? model = null, IReadOnlyList<IStageRule>? rules = null) =>
        StageRuleEvaluator.Evaluate(customer, model ?? StageModel.Default, rules ?? StageRules.Defaults(), Now);

    /// <summary>The default model with the edges the built-in rules use from growing and won-back.</summary>
    private static readonly StageModel Wider = StageModel.Create("prospect",
    [
        ("prospect", "new"), ("new", "growing"), ("growing", "mature"), ("growing", "declining"), ("mature", "declining"),
        ("declining", "churned"), ("churned", "won-back"), ("won-back", "growing"), ("won-back", "churned"),
    ]);

    [Fact]
    public void A_first_purchase_moves_a_prospect_to_new_with_the_reason_rule_first_purchase()
    {
        var result = Run(Customer("prospect", Now.AddDays(-40), 3));

        var change = Assert.Single(result.Changes);
        Assert.Equal((new StageId("prospect"), new StageId("new")), (change.From!.Value, change.To));
        Assert.Equal("rule first-purchase", change.Reason);
        Assert.Equal(StageRuleEvaluator.Actor, change.Actor);
        Assert.Equal(Now, change.At);
    }

    [Fact]
    public void A_prospect_with_two_purchases_moves_on_to_growing_in_the_same_evaluation()
    {
        var result = Run(Customer("prospect", Now.AddDays(-40), 3, 20));

        Assert.Equal(["new", "growing"], result.Changes.Select(c => c.To.Name));
        Assert.Equal(["rule first-purchase", "rule repeat-purchase"], result.Changes.Select(c => c.Reason));
        Assert.Equal(new StageId("growing"), result.Stage);
    }

    [Fact]
    public void A_customer_without_purchases_stays_a_prospect()
    {
        var result = Run(Customer("prospect", Now.AddDays(-400)));
        Assert.Empty(result.Changes);
        Assert.Empty(result.Reports);
    }

    [Fact]
    public void A_mature_customer_silent_for_more_than_twice_the_usual_gap_declines_and_the_note_says_why()
    {
        // Purchases every 30 days; the last one 70 days ago.
        var result = Run(Customer("mature", Now.AddDays(-200), 70, 100, 130));

        var change = Assert.Single(result.Changes);
        Assert.Equal(("declining", "rule declining"), (change.To.Name, change.Reason));
        var report = Assert.Single(result.Reports);
        Assert.Equal("usual gap 30 days; 70 days since the last purchase (more than 2 times)", report.Detail);
    }

    [Fact]
    public void Silence_within_the_multiple_of_the_usual_gap_changes_nothing()
    {
        Assert.Empty(Run(Customer("mature", Now.AddDays(-200), 50, 80, 110)).Changes);
    }

    [Fact]
    public void A_long_silence_moves_a_mature_customer_through_declining_to_churned()
    {
        var result = Run(Customer("mature", Now.AddDays(-400), 130, 160, 190));
        Assert.Equal(["declining", "churned"], result.Changes.Select(c => c.To.Name));
    }

    [Fact]
    public void The_usual_gap_is_never_taken_shorter_than_the_minimum()
    {
        // Two purchases on one day: no rhythm to speak of; the 30-day minimum applies.
        Assert.Empty(Run(Customer("mature", Now.AddDays(-200), 50, 50)).Changes);
        Assert.Equal("declining", Assert.Single(Run(Customer("mature", Now.AddDays(-200), 61, 61)).Changes).To.Name);
    }

    [Fact]
    public void A_purchase_after_churn_wins_the_customer_back_and_the_next_one_makes_them_growing()
    {
        var churnedAt = Now.AddDays(-30);
        var back = Run(Customer("churned", churnedAt, 10, 400, 430));
        Assert.Equal("won-back", Assert.Single(back.Changes).To.Name);

        var wonBackAt = Now.AddDays(-8);
        var growing = Run(Customer("won-back", wonBackAt, 2, 10, 400, 430));
        Assert.Equal(("growing", "rule repeat-purchase"), (Assert.Single(growing.Changes).To.Name, growing.Changes[0].Reason));
    }

    [Fact]
    public void A_churned_customer_whose_last_purchase_came_before_the_churn_stays_churned()
    {
        Assert.Empty(Run(Customer("churned", Now.AddDays(-30), 200, 400)).Changes);
    }

    /// <summary>The default model as it was before it had the edge growing → declining.</summary>
    private static readonly StageModel Narrower = StageModel.Create("prospect",
    [
        ("prospect", "new"), ("new", "growing"), ("growing", "mature"), ("mature", "declining"),
        ("declining", "churned"), ("churned", "won-back"), ("won-back", "growing"), ("won-back", "churned"),
    ]);

    [Fact]
    public void A_move_the_model_does_not_allow_is_reported_with_the_allowed_stages_and_never_made()
    {
        // This model has no edge growing → declining.
        var result = Run(Customer("growing", Now.AddDays(-300), 130, 160, 190), Narrower);

        Assert.Empty(result.Changes);
        Assert.Equal(new StageId("growing"), result.Stage);
        var report = Assert.Single(result.Reports);
        Assert.Equal(StageRuleOutcome.NotAllowed, report.Outcome);
        Assert.Equal(("declining", "growing", "declining"), (report.Rule, report.From.Name, report.To!.Value.Name));
        Assert.Equal("The model does not allow 'growing' → 'declining'. Allowed from 'growing': 'mature'.", report.Detail);
    }

    [Fact]
    public void With_the_edge_in_the_model_the_same_customer_declines_and_churns()
    {
        var result = Run(Customer("growing", Now.AddDays(-300), 130, 160, 190), Wider);
        Assert.Equal(["declining", "churned"], result.Changes.Select(c => c.To.Name));
    }

    [Fact]
    public void The_default_model_lets_a_lapsed_growing_customer_decline()
    {
        Assert.True(StageModel.Default.Allows("growing", "declining"));
        var result = Run(Customer("growing", Now.AddDays(-300), 130, 160, 190));
        Assert.Equal(["declining", "churned"], result.Changes.Select(c => c.To.Name));
        Assert.DoesNotContain(result.Reports, r => r.Outcome == StageRuleOutcome.NotAllowed);
    }

    [Fact]
    public void Rules_name_their_stages_by_configuration()
    {
        var names = new StageNames(prospect: "lead", @new: "customer", growing: "regular", declining: "at-risk", churned: "lost", wonBack: "returned");
        var model = StageModel.Create("lead", [("lead", "customer"), ("customer", "regular"), ("regular", "at-risk"), ("at-risk", "lost"), ("lost", "returned")]);
        var rules = StageRules.Defaults(names);
        // The declining rule names "regular" and "mature" as its from-stages; this model has no "mature", which is fine.
        var result = StageRuleEvaluator.Evaluate(Customer("lead", Now.AddDays(-500), 130, 160, 190), model, rules, Now);

        Assert.Equal(["customer", "regular", "at-risk", "lost"], result.Changes.Select(c => c.To.Name));
    }

    [Fact]
    public void A_proposal_for_a_stage_the_model_lacks_is_reported()
    {
        var model = StageModel.Create("prospect", [("prospect", "customer")]);
        var result = Run(Customer("prospect", Now.AddDays(-5), 1), model);
        var report = Assert.Single(result.Reports);
        Assert.Equal((StageRuleOutcome.NotAllowed, "The model has no stage 'new'."), (report.Outcome, report.Detail));
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void A_failing_rule_is_reported_and_the_others_still_run()
    {
        var result = Run(Customer("prospect", Now.AddDays(-5), 1), rules: [new Throwing(), StageRules.FirstPurchase()]);

        Assert.Equal("new", Assert.Single(result.Changes).To.Name);
        var failed = Assert.Single(result.Reports, r => r.Outcome == StageRuleOutcome.Failed);
        Assert.Equal(("throwing", "no stats today"), (failed.Rule, failed.Detail));
    }

    [Fact]
    public void When_two_rules_propose_different_moves_the_first_in_order_wins_and_the_other_is_reported_superseded()
    {
        var result = Run(Customer("prospect", Now.AddDays(-5), 1), rules: [StageRules.FirstPurchase(), new Fixed("pushy", "new"), new Fixed("other", "new")]);
        Assert.Equal("rule first-purchase", Assert.Single(result.Changes).Reason);
        var model = StageModel.Create("prospect", [("prospect", "new"), ("prospect", "vip")]);
        var both = StageRuleEvaluator.Evaluate(Customer("prospect", Now.AddDays(-5), 1), model, [StageRules.FirstPurchase(), new Fixed("vip-rule", "vip")], Now);
        Assert.Equal("new", Assert.Single(both.Changes).To.Name);
        Assert.Equal(StageRuleOutcome.Superseded, Assert.Single(both.Reports, r => r.Rule == "vip-rule").Outcome);
    }

    [Fact]
    public void Factors_are_checked_and_the_churned_factor_must_exceed_the_declining_one()
    {
        Assert.Equal("factor", Assert.Throws<CrmValidationException>(() => StageRules.Declining(0.5)).Field);
        Assert.Equal("churnedFactor", Assert.Throws<CrmValidationException>(() => StageRules.Defaults(decliningFactor: 3, churnedFactor: 3)).Field);
        Assert.Equal("minimumGapDays", Assert.Throws<CrmValidationException>(() => StageRules.Churned(minimumGapDays: 0)).Field);
        Assert.Equal("stages", Assert.Throws<CrmValidationException>(() => new StageNames(growing: "new")).Field);
        Assert.Equal("stage", Assert.Throws<CrmValidationException>(() => new StageNames(churned: "Lost")).Field);
    }

    private sealed class Throwing : IStageRule
    {
        public string Name => "throwing";

        public StageProposal? Propose(CustomerSnapshot customer, StageModel model, DateTimeOffset now) => throw new InvalidOperationException("no stats today");
    }

    private sealed class Fixed(string name, StageId to) : IStageRule
    {
        public string Name => name;

        public StageProposal? Propose(CustomerSnapshot customer, StageModel model, DateTimeOffset now) => customer.Customer.Stage == model.Initial ? new StageProposal(to) : null;
    }
}
