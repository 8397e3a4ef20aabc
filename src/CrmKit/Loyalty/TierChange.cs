namespace CrmKit.Loyalty;

/// <summary>One move between membership tiers. Immutable.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="From">The tier before; null when the customer had none.</param>
/// <param name="To">The tier after; null when the customer fell below the first tier.</param>
/// <param name="At">When the move took effect: the instant the points qualified (up), or the end of the grace period (down).</param>
/// <param name="Points">The customer's points in the policy's basis at that instant.</param>
/// <param name="Reason">Why, in words.</param>
/// <exception cref="CrmValidationException">The customer or reason is empty, or the move goes nowhere.</exception>
public sealed record TierChange(CustomerCode Customer, string? From, string? To, DateTimeOffset At, long Points, string Reason)
{
    /// <summary>The customer.</summary>
    public CustomerCode Customer { get; } = Customer == default ? throw new CrmValidationException("customer", "is required but was empty.") : Customer;

    /// <summary>The tier after; null when the customer fell below the first tier.</summary>
    public string? To { get; } = To != From ? To : throw new CrmValidationException("to", $"'{To}' is the tier the customer is already in.");

    /// <summary>Why, in words.</summary>
    public string Reason { get; } = Require.Name(Reason, "reason", Require.MaxTextLength);
}
