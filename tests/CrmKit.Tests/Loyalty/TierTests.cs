using CrmKit.Loyalty;

namespace CrmKit.Tests.Loyalty;

public class TierTests
{
    private static readonly DateTimeOffset Jan1 = new(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly MembershipTier[] Ladder = [new("silver", 1_000), new("gold", 3_000), new("platinum", 6_000)];

    [Fact]
    public void A_customer_moves_up_at_once_and_down_only_after_the_grace_period()
    {
        var policy = new TierPolicy(Ladder, TierBasis.Balance, downgradeGrace: TimeSpan.FromDays(30));
        var ledger = PointsLedger.Empty("C0", PointsExpiry.Never)
            .Grant(3_500, Jan1, "spend", "ana").Ledger
            .Redeem(3_000, Jan1.AddDays(10), "trip", "ana").Ledger;

        var history = TierTimeline.History("C0", ledger.Entries, policy, Jan1.AddDays(60));

        Assert.Equal([(null, "gold"), ("gold", null)], history.Select(h => (h.From, h.To)));
        Assert.Equal(Jan1, history[0].At);
        Assert.Equal(Jan1.AddDays(40), history[1].At);
        Assert.Equal("3500 points reach gold (from 3000)", history[0].Reason);
        Assert.StartsWith("500 points, below gold (from 3000) since 2026-01-11", history[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_that_recover_within_the_grace_period_keep_the_tier()
    {
        var policy = new TierPolicy(Ladder, TierBasis.Balance, downgradeGrace: TimeSpan.FromDays(30));
        var ledger = PointsLedger.Empty("C0", PointsExpiry.Never)
            .Grant(3_500, Jan1, "spend", "ana").Ledger
            .Redeem(1_000, Jan1.AddDays(10), "trip", "ana").Ledger
            .Grant(800, Jan1.AddDays(39), "spend", "ana").Ledger;

        var history = TierTimeline.History("C0", ledger.Entries, policy, Jan1.AddDays(365));
        Assert.Equal(["gold"], history.Select(h => h.To));
    }

    [Fact]
    public void A_downgrade_lands_on_the_tier_the_points_qualify_for_when_the_grace_ends()
    {
        var policy = new TierPolicy(Ladder, TierBasis.Balance, downgradeGrace: TimeSpan.FromDays(30));
        var ledger = PointsLedger.Empty("C0", PointsExpiry.Never)
            .Grant(6_500, Jan1, "spend", "ana").Ledger
            .Redeem(6_000, Jan1.AddDays(1), "trip", "ana").Ledger
            .Grant(1_500, Jan1.AddDays(20), "spend", "ana").Ledger;

        var history = TierTimeline.History("C0", ledger.Entries, policy, Jan1.AddDays(365));
        Assert.Equal([(null, "platinum"), ("platinum", "silver")], history.Select(h => (h.From, h.To)));
        Assert.Equal(Jan1.AddDays(31), history[1].At);
    }

    [Fact]
    public void Points_earned_in_a_rolling_window_drop_out_when_the_window_passes_them()
    {
        var policy = new TierPolicy(Ladder, TierBasis.EarnedInWindow, window: TimeSpan.FromDays(365));
        var ledger = PointsLedger.Empty("C0", PointsExpiry.Never)
            .Grant(1_200, Jan1, "spend", "ana").Ledger
            .Redeem(1_200, Jan1.AddDays(2), "trip", "ana").Ledger;

        var history = TierTimeline.History("C0", ledger.Entries, policy, Jan1.AddDays(400));
        Assert.Equal([(null, "silver", 1_200L), ("silver", null, 0L)], history.Select(h => (h.From, h.To, h.Points)));
        Assert.Equal(Jan1.AddDays(365), history[1].At);
    }

    [Fact]
    public void Lifetime_earnings_never_lower_the_tier_and_expiry_lowers_a_balance_tier()
    {
        var ledger = PointsLedger.Empty("C0", PointsExpiry.After(TimeSpan.FromDays(100))).Grant(1_000, Jan1, "spend", "ana").Ledger;
        var until = Jan1.AddDays(200);
        var entries = ledger.ExpireDue(until).Ledger.Entries;

        Assert.Equal(["silver"], TierTimeline.History("C0", entries, new TierPolicy(Ladder, TierBasis.EarnedLifetime), until).Select(h => h.To));
        Assert.Equal(["silver", null], TierTimeline.History("C0", entries, new TierPolicy(Ladder), until).Select(h => h.To));
    }

    [Fact]
    public void A_policy_checks_its_tiers_window_and_grace()
    {
        Assert.Equal("tiers", Assert.Throws<CrmValidationException>(() => new TierPolicy([])).Field);
        Assert.Equal("tiers", Assert.Throws<CrmValidationException>(() => new TierPolicy([new("a", 5), new("b", 5)])).Field);
        Assert.Equal("tiers", Assert.Throws<CrmValidationException>(() => new TierPolicy([new("a", 5), new("a", 6)])).Field);
        Assert.Equal("window", Assert.Throws<CrmValidationException>(() => new TierPolicy(Ladder, TierBasis.EarnedInWindow)).Field);
        Assert.Equal("window", Assert.Throws<CrmValidationException>(() => new TierPolicy(Ladder, TierBasis.Balance, TimeSpan.FromDays(1))).Field);
        Assert.Equal("downgradeGrace", Assert.Throws<CrmValidationException>(() => new TierPolicy(Ladder, downgradeGrace: TimeSpan.FromDays(-1))).Field);
        Assert.Equal("from", Assert.Throws<CrmValidationException>(() => new MembershipTier("bronze", 0)).Field);
        Assert.Equal("gold", new TierPolicy(Ladder).For(5_999)!.Name);
        Assert.Null(new TierPolicy(Ladder).For(999));
    }
}
