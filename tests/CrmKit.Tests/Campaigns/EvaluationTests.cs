namespace CrmKit.Tests.Campaigns;

/// <summary>Campaign evaluation: figures per arm, uplift in both populations, money and the A/B winner.</summary>
public class EvaluationTests
{
    private static readonly DateTimeOffset At = OperationsGenerators.CampaignStart;

    private static Campaign TwoOffers(decimal costPerContact = 2m) => Campaign.Draft("eval",
        OperationsGenerators.PlanWith([new("discount", "10% off", 0.5), new("upgrade", "upgrade", 0.5)], 0.1, TimeSpan.FromDays(30), TimeSpan.FromDays(14)) with { CostPerContact = costPerContact },
        "a", At);

    private static IEnumerable<CampaignOutcome> Many(string? offer, int count, Func<int, (bool Contacted, bool Done, bool Accepted, bool Responded, decimal Revenue)> shape) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var s = shape(i);
            return new CampaignOutcome($"{offer ?? "h"}-{i}", offer, s.Contacted, s.Done, s.Accepted, s.Responded, s.Revenue);
        });

    [Fact]
    public void Figures_uplift_and_money_follow_the_formulas()
    {
        // Holdout: 100 customers, 10 respond, each responder spends 50.
        // Discount: 400 customers, 300 contacted, 240 reached, 120 accept, 100 respond (all reached), each responder spends 60.
        // Upgrade: 400 customers, all contacted, 200 reached, 40 respond.
        var outcomes = Many(null, 100, i => (false, false, false, i < 10, i < 10 ? 50m : 0m))
            .Concat(Many("discount", 400, i => (i < 300, i < 240, i < 120, i < 100, i < 100 ? 60m : 0m)))
            .Concat(Many("upgrade", 400, i => (true, i < 200, false, i < 40, 0m)));
        var evaluation = CampaignEvaluator.Evaluate(TwoOffers(), outcomes);

        var discount = evaluation.Offers[0];
        Assert.Equal(("discount", 400, 300, 240, 100, 120, 6000m), (discount.Arm, discount.Audience, discount.Contacted, discount.Reached, discount.Responders, discount.Accepted, discount.Revenue));
        Assert.Equal((0.8, 0.25, 0.5, 15m), (discount.ContactSuccess, discount.ResponseRate, discount.OfferAcceptance, discount.RevenuePerCustomer));
        Assert.Equal((100, 10, 5m), (evaluation.Holdout.Audience, evaluation.Holdout.Responders, evaluation.Holdout.RevenuePerCustomer));

        var itt = evaluation.Uplift("discount");
        Assert.Equal(0.15, itt.ResponseRate!.Value.Estimate, 1e-12);
        Assert.Equal(Proportions.NewcombeDifference(100, 400, 10, 100), itt.ResponseRate.Value);
        Assert.Equal(10.0, itt.RevenuePerCustomer!.Value.Estimate, 1e-9);
        Assert.Equal(("Newcombe hybrid score", "Welch t"), (itt.ResponseRate.Value.Method, itt.RevenuePerCustomer.Value.Method));
        Assert.Equal((60.0, 4000m, 600m), (itt.IncrementalResponders!.Value, itt.IncrementalRevenue, itt.Cost));
        Assert.Equal((4000.0 - 600) / 600, itt.ReturnOnCost!.Value, 1e-12);

        var contacted = evaluation.Uplift("discount", CampaignPopulation.Contacted);
        Assert.Equal((240, 100.0 / 240 - 0.1), (contacted.Treated.Audience, contacted.ResponseRate!.Value.Estimate));
        Assert.Equal((6000m / 240 - 5m) * 240, contacted.IncrementalRevenue);
        Assert.Equal(600m, contacted.Cost);

        Assert.Equal(("discount", "upgrade"), (evaluation.AbTest!.Best, evaluation.AbTest.RunnerUp));
        Assert.True(evaluation.AbTest.Difference.ExcludesZero);
        Assert.Equal("discount", evaluation.AbTest.Winner);
    }

    [Fact]
    public void No_winner_while_the_interval_includes_zero()
    {
        var outcomes = Many(null, 20, i => (false, false, false, i < 2, 0m))
            .Concat(Many("discount", 60, i => (true, true, false, i < 12, 0m)))
            .Concat(Many("upgrade", 60, i => (true, true, false, i < 10, 0m)));
        var evaluation = CampaignEvaluator.Evaluate(TwoOffers(), outcomes);
        Assert.Equal("discount", evaluation.AbTest!.Best);
        Assert.False(evaluation.AbTest.Difference.ExcludesZero);
        Assert.Null(evaluation.AbTest.Winner);
    }

    [Fact]
    public void Empty_arms_give_no_rates_and_free_contacts_no_return()
    {
        var evaluation = CampaignEvaluator.Evaluate(TwoOffers(costPerContact: 0), Many("discount", 3, _ => (true, false, false, false, 0m)));
        Assert.Null(evaluation.Holdout.ResponseRate);
        Assert.Null(evaluation.Uplift("discount").ResponseRate);
        Assert.Null(evaluation.Uplift("discount").ReturnOnCost);
        Assert.Null(evaluation.AbTest);
    }

    [Fact]
    public void Outcomes_are_checked()
    {
        Assert.Equal("outcome.contacted", Assert.Throws<CrmValidationException>(() => new CampaignOutcome("C1", null, true, false, false, false, 0)).Field);
        Assert.Equal("outcome.accepted", Assert.Throws<CrmValidationException>(() => new CampaignOutcome("C1", "a", true, false, true, false, 0)).Field);
        Assert.Throws<CrmValidationException>(() => CampaignEvaluator.Evaluate(TwoOffers(), [new CampaignOutcome("C1", "other", false, false, false, false, 0)]));
        Assert.Throws<CrmValidationException>(() => CampaignEvaluator.Evaluate(TwoOffers(), Many(null, 1, _ => default).Concat(Many(null, 1, _ => default))));
    }
}
