namespace CrmKit.Loyalty;

/// <summary>The built-in earn rules.</summary>
public static class EarnRules
{
    /// <summary>
    /// <c>purchase-points</c> (or <paramref name="name"/>): a purchase earns its amount times
    /// <paramref name="pointsPerUnit"/>, rounded down to a whole point, per purchase. One point per
    /// 100 yuan is <c>PerAmount(0.01m)</c>: a purchase of 199.99 earns 1 point, two purchases of
    /// 150 earn 1 point each. Purchases without an amount earn nothing.
    /// </summary>
    /// <exception cref="CrmValidationException">The rate is not above 0 or is above 1000, or the name is not a lower-case identifier.</exception>
    public static IEarnRule PerAmount(decimal pointsPerUnit, string name = "purchase-points")
    {
        if (pointsPerUnit is <= 0m or > 1000m) throw new CrmValidationException("pointsPerUnit", $"{pointsPerUnit} is not above 0 and at most 1000.");
        return new PurchasePointsRule(Require.Identifier(name, "name"), pointsPerUnit);
    }

    /// <summary>
    /// <c>referral-bonus</c> (or <paramref name="name"/>): when a referred customer first buys at or
    /// after the referral, the referrer earns <paramref name="points"/>, once per referred customer.
    /// </summary>
    /// <exception cref="CrmValidationException">The points are out of range, or the name is not a lower-case identifier.</exception>
    public static IEarnRule ReferralBonus(long points, string name = "referral-bonus")
    {
        if (points is < 1 or > LedgerEntry.MaxPoints) throw new CrmValidationException("points", $"{points} is not between 1 and {LedgerEntry.MaxPoints}.");
        return new ReferralBonusRule(Require.Identifier(name, "name"), points);
    }
}
