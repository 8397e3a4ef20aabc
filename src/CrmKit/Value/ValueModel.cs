namespace CrmKit.Value;

/// <summary>
/// The entry point of customer value: fits the BG/NBD purchase model and the Gamma-Gamma spend model
/// to purchase summaries, and predicts per customer probability alive, expected purchases, expected
/// spend, lifetime value, RFM score, value tier and quadrant.
/// </summary>
/// <remarks>
/// Predictions take <see cref="PurchaseSummary"/> values built with the same unit as the fit
/// (<see cref="ValueFit.Unit"/>); periods are given as <see cref="TimeSpan"/>s and converted to that unit.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class ValueModel
{
    private readonly BgNbdModel purchases;
    private readonly GammaGammaModel spend;

    /// <summary>Creates a model from a fit made earlier (for example one read back from storage).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> is null.</exception>
    public ValueModel(ValueFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        Fit = fit;
        purchases = new BgNbdModel(fit.Purchases);
        spend = new GammaGammaModel(fit.Spend);
    }

    /// <summary>The fitted parameters and what they were fitted on.</summary>
    public ValueFit Fit { get; }

    /// <summary>
    /// Fits both models by maximum likelihood: BG/NBD on every summary, Gamma-Gamma on those with a
    /// repeat purchase of positive amount (using x and z̄).
    /// </summary>
    /// <param name="summaries">Customer summaries built for <paramref name="calibration"/> in <paramref name="unit"/>.</param>
    /// <param name="calibration">The calibration window, recorded in the fit.</param>
    /// <param name="unit">The time unit the summaries were built with, recorded in the fit.</param>
    /// <param name="clock">Gives the <see cref="ValueFit.FittedAt"/> instant.</param>
    /// <exception cref="ArgumentException">No summaries, nobody with a repeat purchase, or a bad unit.</exception>
    public static ValueModel FitTo(IEnumerable<PurchaseSummary> summaries, CalibrationWindow calibration, TimeSpan unit, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(clock);
        ValueUnits.CheckUnit(unit);
        PurchaseSummary[] all = summaries.ToArray();
        var bgNbd = BgNbdFitter.Fit(all);
        var gammaGamma = GammaGammaModel.Fit(all);
        var fit = new ValueFit(bgNbd.Parameters, bgNbd.LogLikelihood, gammaGamma.Parameters, gammaGamma.LogLikelihood,
            calibration, unit, clock.GetUtcNow(), all.Length, gammaGamma.Customers);
        return new ValueModel(fit);
    }

    /// <summary>Probability, 0 to 1, that <paramref name="customer"/> is still active at the end of the window.</summary>
    public double ProbabilityAlive(PurchaseSummary customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return purchases.ProbabilityAlive(customer.Frequency, customer.Recency, customer.Age);
    }

    /// <summary>Expected number of purchase days of <paramref name="customer"/> in the <paramref name="period"/> after the window.</summary>
    /// <exception cref="ArgumentException"><paramref name="period"/> is negative.</exception>
    public double ExpectedPurchases(PurchaseSummary customer, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(customer);
        double t = ValueUnits.ToUnits(period, Fit.Unit, nameof(period));
        return purchases.ConditionalExpectedPurchases(t, customer.Frequency, customer.Recency, customer.Age);
    }

    /// <summary>Expected number of repeat purchase days of a new customer in the <paramref name="period"/> after their first purchase.</summary>
    /// <exception cref="ArgumentException"><paramref name="period"/> is negative.</exception>
    public double ExpectedPurchasesOfNewCustomer(TimeSpan period) =>
        purchases.ExpectedPurchasesOfNewCustomer(ValueUnits.ToUnits(period, Fit.Unit, nameof(period)));

    /// <summary>Expected spend per future purchase of <paramref name="customer"/>, in currency.</summary>
    /// <exception cref="InvalidOperationException">The fit has q ≤ 1 and the customer has no repeat purchase.</exception>
    public decimal ExpectedSpend(PurchaseSummary customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return (decimal)ExpectedSpendOf(customer);
    }

    /// <summary>
    /// Lifetime value of <paramref name="customer"/>:
    /// Σ_{k=1..K} E[Z] · (E[Y(k·P)] − E[Y((k−1)·P)]) / (1 + d)^k, in currency (see <see cref="LifetimeValueOptions"/>).
    /// </summary>
    public decimal LifetimeValue(PurchaseSummary customer, LifetimeValueOptions options)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(options);
        return (decimal)LifetimeValueOf(customer, options, ExpectedSpendOf(customer));
    }

    /// <summary>Customer equity: the sum of the customers' lifetime values.</summary>
    public static decimal CustomerEquity(IEnumerable<CustomerValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Sum(v => v.LifetimeValue);
    }

    /// <summary>
    /// Scores every customer. RFM scores, tiers and median quadrant splits are relative to the
    /// customers passed in together, so pass the whole base. Results keep the order of <paramref name="customers"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The same customer code appears twice.</exception>
    public IReadOnlyList<CustomerValue> Score(IEnumerable<PurchaseSummary> customers, ValueScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= new ValueScoringOptions();
        PurchaseSummary[] all = customers.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PurchaseSummary s in all)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(customers));
            if (!seen.Add(s.CustomerCode))
            {
                throw new ArgumentException($"Customer '{s.CustomerCode}' appears more than once.", nameof(customers));
            }
        }

        double next = ValueUnits.ToUnits(options.NextPeriod, Fit.Unit, nameof(options));
        var alive = new double[all.Length];
        var expected = new double[all.Length];
        var spendEach = new decimal[all.Length];
        var lifetime = new decimal[all.Length];
        for (int i = 0; i < all.Length; i++)
        {
            PurchaseSummary s = all[i];
            double z = ExpectedSpendOf(s);
            alive[i] = purchases.ProbabilityAlive(s.Frequency, s.Recency, s.Age);
            expected[i] = purchases.ConditionalExpectedPurchases(next, s.Frequency, s.Recency, s.Age);
            spendEach[i] = (decimal)z;
            lifetime[i] = (decimal)LifetimeValueOf(s, options.LifetimeValue, z);
        }

        decimal[] past = all.Select(s => s.TotalSpend).ToArray();
        RfmScore[] rfm = RfmScorer.Score(all);
        ValueTier[] tiers = ValueTierAssigner.Assign(
            all.Select(s => s.CustomerCode).ToArray(),
            options.TierMeasure == TierMeasure.PastValue ? past : lifetime,
            options.Tiers);
        QuadrantSplit split = options.QuadrantSplit ?? ValueQuadrants.AtMedians(past, lifetime);

        var result = new CustomerValue[all.Length];
        for (int i = 0; i < all.Length; i++)
        {
            result[i] = new CustomerValue(all[i].CustomerCode, alive[i], expected[i], spendEach[i], lifetime[i], past[i],
                rfm[i], tiers[i], ValueQuadrants.Classify(past[i], lifetime[i], split));
        }

        return result;
    }

    private double ExpectedSpendOf(PurchaseSummary s) => spend.ConditionalExpectedSpend(s.Frequency, (double)s.AverageRepeatSpend);

    private double LifetimeValueOf(PurchaseSummary s, LifetimeValueOptions options, double expectedSpend)
    {
        double period = ValueUnits.ToUnits(options.Period, Fit.Unit, nameof(options));
        double discount = 1.0 + options.DiscountRatePerPeriod;
        double previous = 0.0, factor = 1.0, total = 0.0;
        for (int k = 1; k <= options.Periods; k++)
        {
            double cumulative = purchases.ConditionalExpectedPurchases(k * period, s.Frequency, s.Recency, s.Age);
            factor /= discount;
            // E[Y(t)] never decreases in t; the clamp only absorbs rounding noise between close periods.
            total += Math.Max(0.0, cumulative - previous) * factor;
            previous = Math.Max(previous, cumulative);
        }

        return total * expectedSpend;
    }
}
