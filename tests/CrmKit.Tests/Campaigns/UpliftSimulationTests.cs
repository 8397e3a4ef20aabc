using Xunit.Abstractions;

namespace CrmKit.Tests.Campaigns;

/// <summary>
/// A campaign with a known true effect, simulated over seeded runs: the 95% intervals must cover
/// the truth in 90–99% of them. Assignment goes through the real assigner and evaluation through
/// the real evaluator; only the customers' behaviour is simulated.
/// </summary>
public class UpliftSimulationTests(ITestOutputHelper output)
{
    private const int Runs = 300;
    private const int Audience = 1_500;
    private const double HoldoutRate = 0.10;
    private const double TreatedRate = 0.16;
    private const double HoldoutSpend = 20;
    private const double TreatedSpend = 23;

    [Fact]
    public void The_95_percent_intervals_cover_the_true_uplift_in_90_to_99_percent_of_runs()
    {
        var plan = OperationsGenerators.PlanWith([new("offer", "the offer", 1)], 0.2, TimeSpan.FromDays(30), TimeSpan.FromDays(30));
        var codes = Enumerable.Range(0, Audience).Select(i => new CustomerCode($"S{i}")).ToArray();
        int rateCovered = 0, revenueCovered = 0;
        for (var seed = 0; seed < Runs; seed++)
        {
            var random = new Random(seed);
            var campaign = Campaign.Draft($"simulation-{seed}", plan, "sim", OperationsGenerators.CampaignStart);
            var outcomes = codes.Select(code =>
            {
                var assignment = CampaignAssigner.Assign(campaign, code, OperationsGenerators.CampaignStart)!;
                var treated = !assignment.IsHoldout;
                var responded = random.NextDouble() < (treated ? TreatedRate : HoldoutRate);
                // Spend: exponential with the arm's mean, so revenue is skewed as real revenue is.
                var spend = -Math.Log(1 - random.NextDouble()) * (treated ? TreatedSpend : HoldoutSpend);
                return new CampaignOutcome(code, assignment.Offer, treated, treated, false, responded, (decimal)spend);
            }).ToArray();
            var uplift = CampaignEvaluator.Evaluate(campaign, outcomes).Uplift("offer");
            if (uplift.ResponseRate!.Value.Covers(TreatedRate - HoldoutRate)) rateCovered++;
            if (uplift.RevenuePerCustomer!.Value.Covers(TreatedSpend - HoldoutSpend)) revenueCovered++;
        }
        output.WriteLine($"response-rate interval covered {rateCovered}/{Runs}; revenue interval covered {revenueCovered}/{Runs}");
        Assert.InRange(rateCovered, (int)(0.90 * Runs), (int)(0.99 * Runs));
        Assert.InRange(revenueCovered, (int)(0.90 * Runs), (int)(0.99 * Runs));
    }
}
