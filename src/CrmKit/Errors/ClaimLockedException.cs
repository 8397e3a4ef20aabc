namespace CrmKit;

/// <summary>Another salesperson holds a claim on the customer that has not yet run out.</summary>
public sealed class ClaimLockedException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public ClaimLockedException(Claim held)
        : base($"Customer '{held.Customer}' is claimed by '{held.Salesperson}' until {held.Until:yyyy-MM-dd HH:mm zzz}.") => Held = held;

    /// <summary>The claim in force.</summary>
    public Claim Held { get; }
}
