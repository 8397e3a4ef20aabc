namespace CrmKit.Value;

/// <summary>
/// One purchase as the value models see it: who bought, when, and for how much.
/// </summary>
/// <remarks>Immutable and validated on construction; safe to share between threads.</remarks>
public sealed record Purchase
{
    /// <summary>Creates a purchase.</summary>
    /// <param name="customerCode">The buyer's customer code; not empty.</param>
    /// <param name="occurredAt">When the purchase happened. Its calendar date in its own offset is the purchase day.</param>
    /// <param name="amount">The amount spent, in the store's currency; zero or more.</param>
    /// <exception cref="ArgumentException">The code is empty or the amount is negative.</exception>
    public Purchase(string customerCode, DateTimeOffset occurredAt, decimal amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerCode);
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Purchase amount must be zero or more, but customer '{customerCode}' has {amount}.");
        }

        CustomerCode = customerCode;
        OccurredAt = occurredAt;
        Amount = amount;
    }

    /// <summary>The buyer's customer code.</summary>
    public string CustomerCode { get; }

    /// <summary>When the purchase happened.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>The amount spent, zero or more.</summary>
    public decimal Amount { get; }

    /// <summary>The purchase day: the calendar date of <see cref="OccurredAt"/> in its own offset.</summary>
    public DateOnly Day => DateOnly.FromDateTime(OccurredAt.DateTime);
}
