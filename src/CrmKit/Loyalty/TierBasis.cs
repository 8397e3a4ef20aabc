namespace CrmKit.Loyalty;

/// <summary>Which points decide a customer's membership tier.</summary>
public enum TierBasis
{
    /// <summary>The current balance: redeeming and expiry can lower the tier.</summary>
    Balance,

    /// <summary>Points earned within the policy's rolling window (<see cref="TierPolicy.Window"/>); spending does not count against them.</summary>
    EarnedInWindow,

    /// <summary>All points ever earned; the tier never goes down.</summary>
    EarnedLifetime,
}
