using System.Globalization;

namespace CrmKit.Loyalty;

/// <summary>
/// A redemption or a negative adjustment asked for more points than the customer's balance
/// holds; the balance never goes below zero, so nothing was recorded.
/// </summary>
public sealed class InsufficientPointsException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="balance">The balance at the instant of the request, after the expiries due by then.</param>
    /// <param name="requested">The points asked for.</param>
    public InsufficientPointsException(CustomerCode customer, long balance, long requested)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Customer '{customer}' has a balance of {balance} points; taking {requested} points would make it negative."))
    {
        Customer = customer;
        Balance = balance;
        Requested = requested;
    }

    /// <summary>The customer.</summary>
    public CustomerCode Customer { get; }

    /// <summary>The balance at the instant of the request, after the expiries due by then.</summary>
    public long Balance { get; }

    /// <summary>The points asked for.</summary>
    public long Requested { get; }
}
