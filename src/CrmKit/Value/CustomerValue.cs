namespace CrmKit.Value;

/// <summary>Everything the value models say about one customer at the end of a calibration window.</summary>
/// <param name="CustomerCode">The customer code.</param>
/// <param name="ProbabilityAlive">Probability, 0 to 1, that the customer is still active (BG/NBD).</param>
/// <param name="ExpectedPurchasesNextPeriod">Expected purchase days in the next period (see <see cref="ValueScoringOptions.NextPeriod"/>).</param>
/// <param name="ExpectedSpend">Expected spend per future purchase (Gamma-Gamma), in currency.</param>
/// <param name="LifetimeValue">Discounted expected spend over the lifetime-value horizon, in currency; zero or more.</param>
/// <param name="PastValue">Spend in the calibration window, first purchase included, in currency.</param>
/// <param name="Rfm">Recency, frequency and monetary quintile scores within the customers scored together.</param>
/// <param name="Tier">The value tier within the customers scored together.</param>
/// <param name="Quadrant">Past against future value.</param>
public sealed record CustomerValue(
    string CustomerCode,
    double ProbabilityAlive,
    double ExpectedPurchasesNextPeriod,
    decimal ExpectedSpend,
    decimal LifetimeValue,
    decimal PastValue,
    RfmScore Rfm,
    ValueTier Tier,
    ValueQuadrant Quadrant);
