namespace CrmKit.Value;

/// <summary>
/// How customer lifetime value is computed: over <see cref="Periods"/> periods of length
/// <see cref="Period"/>, each discounted at <see cref="DiscountRatePerPeriod"/>.
/// </summary>
/// <remarks>
/// CLV = Σ_{k=1..K} E[Z] · (E[Y(k·P)] − E[Y((k−1)·P)]) / (1 + d)^k, where E[Y(t)] is the BG/NBD
/// expected number of purchases in the next t, E[Z] the Gamma-Gamma expected spend per purchase,
/// P the period, K the number of periods and d the discount rate per period. Purchases in a period
/// are discounted to its end. The result is in the currency of the purchase amounts.
/// The default is twelve months of 365.25/12 days at 1% a month (about 12.7% a year).
/// </remarks>
public sealed record LifetimeValueOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="period">Length of one discounting period; greater than zero.</param>
    /// <param name="periods">Number of periods in the horizon; 1 to 10,000.</param>
    /// <param name="discountRatePerPeriod">Discount rate per period, for example 0.01 for 1%; zero or more.</param>
    /// <exception cref="ArgumentException">A value is out of range or not a number.</exception>
    public LifetimeValueOptions(TimeSpan period, int periods, double discountRatePerPeriod)
    {
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The lifetime value period must be longer than zero.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periods, 10_000);
        Period = period;
        Periods = periods;
        DiscountRatePerPeriod = ModelChecks.NonNegative(discountRatePerPeriod, nameof(discountRatePerPeriod));
    }

    /// <summary>Twelve months (365.25/12 days each) at 1% a month.</summary>
    public static LifetimeValueOptions Default { get; } = new(TimeSpan.FromDays(365.25 / 12), 12, 0.01);

    /// <summary>Length of one period.</summary>
    public TimeSpan Period { get; }

    /// <summary>Number of periods in the horizon.</summary>
    public int Periods { get; }

    /// <summary>Discount rate per period.</summary>
    public double DiscountRatePerPeriod { get; }
}
