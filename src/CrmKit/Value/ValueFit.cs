namespace CrmKit.Value;

/// <summary>
/// A fitted pair of value models — BG/NBD for purchases, Gamma-Gamma for spend — with what they
/// were fitted on. A plain immutable record, meant to be stored and reloaded into a <see cref="ValueModel"/>.
/// </summary>
/// <param name="Purchases">The fitted BG/NBD parameters (α in <paramref name="Unit"/>s).</param>
/// <param name="PurchasesLogLikelihood">The maximised BG/NBD log-likelihood, summed over <paramref name="Customers"/>.</param>
/// <param name="Spend">The fitted Gamma-Gamma parameters (γ in the currency of the amounts).</param>
/// <param name="SpendLogLikelihood">The maximised Gamma-Gamma log-likelihood, summed over <paramref name="SpendCustomers"/>.</param>
/// <param name="Calibration">The calibration window the summaries were built for.</param>
/// <param name="Unit">The model time unit, a whole number of days.</param>
/// <param name="FittedAt">When the fit was made.</param>
/// <param name="Customers">How many customers the purchase model was fitted on.</param>
/// <param name="SpendCustomers">How many of them (those with a repeat purchase of positive amount) the spend model was fitted on.</param>
public sealed record ValueFit(
    BgNbdParameters Purchases,
    double PurchasesLogLikelihood,
    GammaGammaParameters Spend,
    double SpendLogLikelihood,
    CalibrationWindow Calibration,
    TimeSpan Unit,
    DateTimeOffset FittedAt,
    int Customers,
    int SpendCustomers)
{
    /// <summary>The fitted BG/NBD parameters.</summary>
    public BgNbdParameters Purchases { get; init; } = Purchases ?? throw new ArgumentNullException(nameof(Purchases));

    /// <summary>The fitted Gamma-Gamma parameters.</summary>
    public GammaGammaParameters Spend { get; init; } = Spend ?? throw new ArgumentNullException(nameof(Spend));

    /// <summary>The calibration window.</summary>
    public CalibrationWindow Calibration { get; init; } = Calibration ?? throw new ArgumentNullException(nameof(Calibration));

    /// <summary>The model time unit.</summary>
    public TimeSpan Unit { get; init; } = CheckedUnit(Unit);

    private static TimeSpan CheckedUnit(TimeSpan unit)
    {
        ValueUnits.CheckUnit(unit, nameof(Unit));
        return unit;
    }
}
