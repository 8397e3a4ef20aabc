namespace CrmKit.Loyalty;

/// <summary>Referral conversion for one referrer or one member of staff. Immutable.</summary>
/// <param name="Key">The referrer's customer code, or the member of staff's name.</param>
/// <param name="Referrals">How many referrals they made or took.</param>
/// <param name="Converted">How many of those referred customers have bought at or after the referral.</param>
public sealed record ReferralConversion(string Key, int Referrals, int Converted)
{
    /// <summary><see cref="Converted"/> divided by <see cref="Referrals"/>, from 0 to 1; 0 without referrals.</summary>
    public double Rate => Referrals == 0 ? 0 : (double)Converted / Referrals;
}
