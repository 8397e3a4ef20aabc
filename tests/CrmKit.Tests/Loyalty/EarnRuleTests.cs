using CrmKit.Loyalty;

namespace CrmKit.Tests.Loyalty;

public class EarnRuleTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 15, 0, 0, TimeSpan.FromHours(8));

    private static Interaction Purchase(string customer, decimal? amount, long id = 1, DateTimeOffset? at = null) =>
        new(customer, InteractionKind.Purchase, Channel.Store, at ?? At) { Amount = amount, Id = id };

    private static readonly LoyaltyProgram Dealership = new([EarnRules.PerAmount(0.01m), EarnRules.ReferralBonus(500)]);

    [Theory]
    [InlineData("199.99", 1)]
    [InlineData("150", 1)]
    [InlineData("99.99", 0)]
    [InlineData("328000", 3280)]
    public void A_purchase_earns_its_amount_times_the_rate_rounded_down(string amount, long points)
    {
        var awards = EarnRules.PerAmount(0.01m).Award(new EarnContext(Purchase("C1", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), true)).ToArray();
        Assert.Equal(points, awards.Sum(a => a.Points));
        Assert.All(awards, a => Assert.Equal(("C1", "purchase:1"), (a.Beneficiary.Value, a.Source.ToString())));
    }

    [Fact]
    public void Purchases_without_an_amount_and_other_kinds_earn_nothing()
    {
        var rule = EarnRules.PerAmount(1m);
        Assert.Empty(rule.Award(new EarnContext(Purchase("C1", null), true)));
        Assert.Empty(rule.Award(new EarnContext(Purchase("C1", 500m), false)));
        Assert.Empty(rule.Award(new EarnContext(Purchase("C1", 500m, id: 0), true)));
    }

    [Fact]
    public void A_referred_customers_purchase_credits_the_referrer_once_and_the_buyer_their_own_points()
    {
        var referral = new Referral("D-001", "D-006", At.AddDays(-10), staff: "sales.li");
        var ledgers = new Dictionary<CustomerCode, PointsLedger>();
        PointsLedger Of(CustomerCode c) => ledgers.TryGetValue(c, out var l) ? l : PointsLedger.Empty(c, PointsExpiry.Never);

        foreach (var (id, amount, days) in new[] { (1L, 296_000m, 0), (2L, 5_000m, 30), (1L, 296_000m, 31) })
        {
            var context = new EarnContext(Purchase("D-006", amount, id, At.AddDays(days)), true, referral);
            foreach (var (code, update) in Dealership.Credit(context, Of, At.AddDays(days), "loyalty"))
                ledgers[code] = update.Ledger;
        }

        var referrer = Assert.Single(ledgers["D-001"].Entries);
        Assert.Equal((500L, "referral:D-006", "referral-bonus"), (referrer.Points, referrer.Source.ToString(), referrer.Rule));
        Assert.Equal([2960L, 50], ledgers["D-006"].Entries.Select(e => e.Points));
    }

    [Fact]
    public void A_purchase_before_the_referral_does_not_convert_it()
    {
        var referral = new Referral("D-001", "D-006", At);
        Assert.Empty(EarnRules.ReferralBonus(500).Award(new EarnContext(Purchase("D-006", 10m, at: At.AddTicks(-1)), true, referral)));
        Assert.Single(EarnRules.ReferralBonus(500).Award(new EarnContext(Purchase("D-006", 10m, at: At), true, referral)));
    }

    [Fact]
    public void Rules_and_programmes_check_their_values()
    {
        Assert.Equal("pointsPerUnit", Assert.Throws<CrmValidationException>(() => EarnRules.PerAmount(0m)).Field);
        Assert.Equal("points", Assert.Throws<CrmValidationException>(() => EarnRules.ReferralBonus(0)).Field);
        Assert.Equal("name", Assert.Throws<CrmValidationException>(() => EarnRules.PerAmount(1m, "Spend")).Field);
        Assert.Equal("rules", Assert.Throws<CrmValidationException>(() => new LoyaltyProgram([EarnRules.PerAmount(1m), EarnRules.PerAmount(2m)])).Field);
        Assert.Equal("referred", Assert.Throws<CrmValidationException>(() => new Referral("C1", "C1", At)).Field);
        Assert.Equal("source", Assert.Throws<CrmValidationException>(() => new PointsAward("C1", 5, PointsSource.Manual("x"))).Field);
        Assert.Equal("referredBy", Assert.Throws<CrmValidationException>(() => new EarnContext(Purchase("C2", 5m), true, new Referral("C1", "C3", At))).Field);
        Assert.Equal("converted", Assert.Throws<CrmValidationException>(() => new ReferralConversion("C1", 1, 2)).Field);
    }

    [Fact]
    public void Conversion_is_counted_per_referrer_and_per_member_of_staff()
    {
        Referral[] referrals =
        [
            new("A", "R1", At, "li"), new("A", "R2", At, "wu"), new("A", "R3", At, "li"),
            new("B", "R4", At, "li"), new("B", "R5", At),
        ];
        var lastPurchase = new Dictionary<CustomerCode, DateTimeOffset>
        {
            ["R1"] = At.AddDays(3), ["R2"] = At.AddDays(-3), ["R4"] = At, ["R5"] = At.AddDays(1),
        };
        DateTimeOffset? Last(CustomerCode c) => lastPurchase.TryGetValue(c, out var at) ? at : null;

        Assert.Equal([new ReferralConversion("A", 3, 1), new ReferralConversion("B", 2, 2)], ReferralFigures.ByReferrer(referrals, Last));
        Assert.Equal([new ReferralConversion("li", 3, 2), new ReferralConversion("wu", 1, 0)], ReferralFigures.ByStaff(referrals, Last));
        Assert.Equal(2.0 / 3, ReferralFigures.ByStaff(referrals, Last)[0].Rate, 12);

        var twice = Assert.Throws<CrmValidationException>(() => ReferralFigures.ByReferrer([.. referrals, new Referral("B", "R1", At)], Last));
        Assert.Equal("referred: 'R1' is referred by 'A' and 'B'; a customer is referred once.", twice.Message);
    }
}
