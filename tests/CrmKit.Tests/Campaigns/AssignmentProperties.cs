using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Campaigns;

/// <summary>Holdout and offer assignment: reproducible, stable and balanced.</summary>
public class AssignmentProperties
{
    private static readonly DateTimeOffset At = OperationsGenerators.CampaignStart;
    private const int Audience = 2_000;

    private static Campaign CampaignOf(string id, CampaignPlan plan) => Campaign.Draft(id, plan, "a", At.AddDays(-1));

    [Property(MaxTest = 50)]
    public Property Assignment_is_reproducible_and_depends_only_on_campaign_and_customer() =>
        Prop.ForAll(OperationsGenerators.CampaignId.ToArbitrary(), OperationsGenerators.Plan.ToArbitrary(), OperationsGenerators.Codes(200).ToArbitrary(), (id, plan, codes) =>
        {
            var campaign = CampaignOf(id, plan);
            var first = codes.Select(c => CampaignAssigner.Assign(campaign, c, At)!.Offer).ToArray();
            var again = codes.Reverse().Select(c => CampaignAssigner.Assign(CampaignOf(id, plan), c, At.AddDays(3))!.Offer).Reverse().ToArray();
            return first.SequenceEqual(again).Label("same arms in any order, at any time");
        });

    [Property(MaxTest = 40)]
    public Property Holdout_and_offer_shares_stay_within_binomial_bounds() =>
        Prop.ForAll(OperationsGenerators.CampaignId.ToArbitrary(), OperationsGenerators.Plan.ToArbitrary(), OperationsGenerators.Codes(Audience).ToArbitrary(), (id, plan, codes) =>
        {
            var campaign = CampaignOf(id, plan);
            var arms = codes.Select(c => CampaignAssigner.Assign(campaign, c, At)!).ToArray();
            var held = arms.Count(a => a.IsHoldout);
            if (!WithinBounds(held, Audience, plan.HoldoutShare)) return false.Label($"{held} of {Audience} held out for share {plan.HoldoutShare}");
            var treated = Audience - held;
            foreach (var offer in plan.Offers)
            {
                var count = arms.Count(a => a.Offer == offer.Code);
                if (!WithinBounds(count, treated, offer.Share)) return false.Label($"{count} of {treated} on {offer.Code} for share {offer.Share}");
            }
            return true.Label("ok");
        });

    // Four and a half standard deviations: a correct assigner fails this about once in 150 000 draws.
    private static bool WithinBounds(int count, int n, double share) =>
        Math.Abs(count - n * share) <= 4.5 * Math.Sqrt(n * share * (1 - share)) + 1;

    [Fact]
    public void Assignment_is_pinned_to_the_hash_so_it_never_changes_between_versions()
    {
        var (holdout, offer) = CampaignAssigner.Draws("q4-retention", "C-1001");
        Assert.Equal((holdout, offer), CampaignAssigner.Draws("q4-retention", "C-1001"));
        Assert.InRange(holdout, 0, 1);
        Assert.NotEqual(CampaignAssigner.Draws("q4-retention", "C-1002"), (holdout, offer));
        Assert.Equal(PinnedDraws, string.Join(",", Enumerable.Range(0, 4).Select(i => CampaignAssigner.Draws("q4-retention", $"C-{i}").Holdout.ToString("F6", System.Globalization.CultureInfo.InvariantCulture))));
    }

    // Computed independently: (int.from_bytes(sha256(b"q4-retention\x1fC-0").digest()[:8], "big") >> 11) / 2**53 in Python.
    private const string PinnedDraws = "0.617244,0.381149,0.753542,0.175803";

    [Fact]
    public void Eligibility_narrows_the_offers_but_never_moves_the_holdout()
    {
        var plan = OperationsGenerators.PlanWith([new("a", "a", 0.5), new("b", "b", 0.5, eligibility: "premium")], 0.2, TimeSpan.FromDays(10), TimeSpan.FromDays(10));
        var campaign = CampaignOf("eligibility", plan);
        var codes = Enumerable.Range(0, 500).Select(i => new CustomerCode($"C{i}")).ToArray();
        var all = codes.Select(c => CampaignAssigner.Assign(campaign, c, At)!).ToArray();
        var narrowed = codes.Select(c => CampaignAssigner.Assign(campaign, c, At, o => o.Eligibility is null)!).ToArray();
        Assert.Equal(all.Select(a => a.IsHoldout), narrowed.Select(a => a.IsHoldout));
        Assert.All(narrowed.Where(a => !a.IsHoldout), a => Assert.Equal("a", a.Offer));
        Assert.Null(CampaignAssigner.Assign(campaign, "C1", At, _ => false));
    }
}
