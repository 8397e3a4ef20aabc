namespace CrmKit.Loyalty;

/// <summary>Referral conversion for one referrer or one member of staff. Immutable.</summary>
/// <param name="Key">The referrer's customer code, or the member of staff's name.</param>
/// <param name="Referrals">How many referrals they made or took.</param>
/// <param name="Converted">How many of those referred customers have bought at or after the referral.</param>
/// <exception cref="CrmValidationException">The key is empty, or the counts are negative or converted exceeds referrals.</exception>
public sealed record ReferralConversion(string Key, int Referrals, int Converted)
{
    /// <summary>The referrer's customer code, or the member of staff's name.</summary>
    public string Key { get; } = Require.Name(Key, "key");

    /// <summary>How many referrals they made or took.</summary>
    public int Referrals { get; } = Referrals >= 0 ? Referrals : throw new CrmValidationException("referrals", $"{Referrals} is negative.");

    /// <summary>How many of those referred customers have bought at or after the referral.</summary>
    public int Converted { get; } = Converted >= 0 && Converted <= Referrals
        ? Converted
        : throw new CrmValidationException("converted", $"{Converted} is not between 0 and the {Referrals} referrals.");

    /// <summary><see cref="Converted"/> divided by <see cref="Referrals"/>, from 0 to 1; 0 without referrals.</summary>
    public double Rate => Referrals == 0 ? 0 : (double)Converted / Referrals;
}
