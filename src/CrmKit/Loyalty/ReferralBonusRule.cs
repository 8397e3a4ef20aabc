namespace CrmKit.Loyalty;

/// <summary>
/// A fixed bonus for the referrer when the referred customer buys at or after the referral. The
/// award's source is the referral itself, so only the first such purchase is credited: later
/// purchases make the same award, which the referrer's ledger already holds. Made by
/// <see cref="EarnRules.ReferralBonus"/>. Immutable and thread-safe.
/// </summary>
public sealed class ReferralBonusRule : IEarnRule
{
    internal ReferralBonusRule(string name, long bonus)
    {
        Name = name;
        Bonus = bonus;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The referrer's bonus, in points.</summary>
    public long Bonus { get; }

    /// <inheritdoc/>
    public IEnumerable<PointsAward> Award(EarnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsPurchase || context.ReferredBy is not { } referral) return [];
        if (referral.Referred != context.Interaction.Customer || !referral.ConvertedBy(context.Interaction.OccurredAt)) return [];
        return [new PointsAward(referral.Referrer, Bonus, PointsSource.Referral(referral.Referred))];
    }
}
