namespace CrmKit.Value;

/// <summary>
/// What the value models know about one customer at the end of a calibration window:
/// frequency, recency and age in model time units, and spend.
/// </summary>
/// <remarks>
/// Purchases on the same day count as one purchase. Times are measured in the unit the summaries
/// were built with (for example weeks), counted from the customer's first purchase day.
/// </remarks>
public sealed record PurchaseSummary
{
    /// <summary>Creates a summary, checking that its numbers are consistent.</summary>
    /// <param name="customerCode">The customer code; not empty.</param>
    /// <param name="frequency">x: the number of repeat purchase days (purchase days after the first); zero or more.</param>
    /// <param name="recency">t_x: time from the first to the last purchase day, in model units; 0 when x = 0.</param>
    /// <param name="age">T: time from the first purchase day to the end of the window, in model units; at least t_x.</param>
    /// <param name="averageRepeatSpend">z̄: mean spend per repeat purchase day (the first purchase excluded); 0 when x = 0.</param>
    /// <param name="totalSpend">All spend in the window, first purchase included.</param>
    /// <exception cref="ArgumentException">A value is negative, not a number, or inconsistent with the others.</exception>
    public PurchaseSummary(string customerCode, int frequency, double recency, double age, decimal averageRepeatSpend, decimal totalSpend)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerCode);
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        if (!double.IsFinite(recency) || recency < 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(recency), recency, $"Recency of customer '{customerCode}' must be a finite number of zero or more.");
        }

        if (!double.IsFinite(age) || age < recency)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, $"Age of customer '{customerCode}' must be finite and at least its recency {recency}.");
        }

        if (frequency == 0 && (recency != 0.0 || averageRepeatSpend != 0m))
        {
            throw new ArgumentException($"Customer '{customerCode}' has no repeat purchase, so recency and average repeat spend must be 0.", nameof(frequency));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(averageRepeatSpend);
        ArgumentOutOfRangeException.ThrowIfNegative(totalSpend);

        CustomerCode = customerCode;
        Frequency = frequency;
        Recency = recency;
        Age = age;
        AverageRepeatSpend = averageRepeatSpend;
        TotalSpend = totalSpend;
    }

    /// <summary>The customer code.</summary>
    public string CustomerCode { get; }

    /// <summary>x: the number of repeat purchase days in the window.</summary>
    public int Frequency { get; }

    /// <summary>t_x: time from the first to the last purchase day, in model units.</summary>
    public double Recency { get; }

    /// <summary>T: time from the first purchase day to the end of the window, in model units.</summary>
    public double Age { get; }

    /// <summary>z̄: mean spend per repeat purchase day; 0 when there is none.</summary>
    public decimal AverageRepeatSpend { get; }

    /// <summary>All spend in the window, the first purchase included.</summary>
    public decimal TotalSpend { get; }
}
