namespace CrmKit.Loyalty;

/// <summary>
/// A referral: <see cref="Referrer"/> brought <see cref="Referred"/> in. It converts when the
/// referred customer buys at or after <see cref="At"/>, and the referrer is then credited once
/// (<see cref="EarnRules.ReferralBonus"/>). A customer is referred at most once. Immutable.
/// </summary>
public sealed record Referral
{
    /// <summary>Creates a referral, checking it.</summary>
    /// <param name="referrer">The customer who referred.</param>
    /// <param name="referred">The customer referred.</param>
    /// <param name="at">When the referral was made.</param>
    /// <param name="staff">The member of staff who took the referral, if any; conversion is also reported per member of staff.</param>
    /// <exception cref="CrmValidationException">A code is empty, the customer refers themself, the instant is out of range, or the staff name is empty or too long.</exception>
    public Referral(CustomerCode referrer, CustomerCode referred, DateTimeOffset at, string? staff = null)
    {
        if (referrer == default) throw new CrmValidationException("referrer", "is required but was empty.");
        if (referred == default) throw new CrmValidationException("referred", "is required but was empty.");
        if (referrer == referred) throw new CrmValidationException("referred", $"'{referred}' cannot refer themself.");
        Referrer = referrer;
        Referred = referred;
        At = Require.Instant(at, "at");
        Staff = Require.OptionalName(staff, "staff");
    }

    /// <summary>The customer who referred.</summary>
    public CustomerCode Referrer { get; }

    /// <summary>The customer referred.</summary>
    public CustomerCode Referred { get; }

    /// <summary>When the referral was made.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The member of staff who took the referral, or null.</summary>
    public string? Staff { get; }

    /// <summary>True when a purchase at <paramref name="purchasedAt"/> converts this referral (it is at or after the referral).</summary>
    public bool ConvertedBy(DateTimeOffset purchasedAt) => purchasedAt >= At;
}
