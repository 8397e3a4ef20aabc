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
        return FitTo(SummaryColumns.From(summaries), calibration, unit, clock);
    }

    /// <summary>
    /// <see cref="FitTo(IEnumerable{PurchaseSummary}, CalibrationWindow, TimeSpan, TimeProvider)"/> on figures
    /// already held as columns: the path for large bases, with no object per customer.
    /// </summary>
    internal static ValueModel FitTo(SummaryColumns columns, CalibrationWindow calibration, TimeSpan unit, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(clock);
        ValueUnits.CheckUnit(unit);
        var bgNbd = BgNbdFitter.Fit(columns);
        var gammaGamma = GammaGammaModel.Fit(columns);
        var fit = new ValueFit(bgNbd.Parameters, bgNbd.LogLikelihood, gammaGamma.Parameters, gammaGamma.LogLikelihood,
            calibration, unit, clock.GetUtcNow(), columns.Count, gammaGamma.Customers);
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
        PurchaseSummary[] all = customers.ToArray();
        foreach (PurchaseSummary s in all)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(customers));
        }

        return ScoreEach(SummaryColumns.From(all), options).ToArray();
    }

    /// <summary>
    /// <see cref="Score(IEnumerable{PurchaseSummary}, ValueScoringOptions?)"/> on figures held as columns. The
    /// figures are computed here, into arrays; the returned sequence makes each customer's
    /// <see cref="CustomerValue"/> only as it is enumerated, so a caller that writes them away as they come
    /// never holds them all.
    /// </summary>
    /// <exception cref="ArgumentException">The same customer code appears twice.</exception>
    internal IEnumerable<CustomerValue> ScoreEach(SummaryColumns customers, ValueScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= new ValueScoringOptions();
        int[] codeRanks = CodeOrder.Ranks(customers.Codes, out string? duplicate);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Customer '{duplicate}' appears more than once.", nameof(customers));
        }

        double next = ValueUnits.ToUnits(options.NextPeriod, Fit.Unit, nameof(options));
        var predictions = new PurchasePredictions(purchases, customers, next, options.LifetimeValue, Fit.Unit);
        int n = customers.Count;
        var spendEach = new decimal[n];
        var lifetime = new decimal[n];
        for (int i = 0; i < n; i++)
        {
            double z = spend.ConditionalExpectedSpend(customers.Frequency[i], customers.AverageRepeatSpend[i]);
            spendEach[i] = (decimal)z;
            lifetime[i] = (decimal)(predictions.LifetimePurchasesOf(i) * z);
        }

        decimal[] past = customers.TotalSpend;
        var (recency, frequency, monetary) = RfmScorer.Quintiles(customers, codeRanks);
        ValueTier[] tiers = ValueTierAssigner.Assign(codeRanks, options.TierMeasure == TierMeasure.PastValue ? past : lifetime, options.Tiers);
        QuadrantSplit split = options.QuadrantSplit ?? ValueQuadrants.AtMedians(past, lifetime);
        return Values();

        IEnumerable<CustomerValue> Values()
        {
            for (int i = 0; i < n; i++)
            {
                yield return new CustomerValue(customers.Codes[i], predictions.ProbabilityAliveOf(i), predictions.ExpectedPurchasesOf(i),
                    spendEach[i], lifetime[i], past[i], new RfmScore(recency[i], frequency[i], monetary[i]), tiers[i], ValueQuadrants.Classify(past[i], lifetime[i], split));
            }
        }
    }

    private double ExpectedSpendOf(PurchaseSummary s) => spend.ConditionalExpectedSpend(s.Frequency, (double)s.AverageRepeatSpend);

    private double LifetimeValueOf(PurchaseSummary s, LifetimeValueOptions options, double expectedSpend) =>
        PurchasePredictions.DiscountedPurchases(purchases, s.Frequency, s.Recency, s.Age, options, Fit.Unit) * expectedSpend;
}
