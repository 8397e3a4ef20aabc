namespace CrmKit.Value;

/// <summary>
/// Where a customer stands on past value (spend so far) against predicted future value (lifetime
/// value), and the care that usually follows.
/// </summary>
public enum ValueQuadrant
{
    /// <summary>High past and high future value: key customers to keep and reward.</summary>
    Keep,

    /// <summary>Low past but high future value: customers to grow with offers and attention.</summary>
    Grow,

    /// <summary>High past but low future value: valuable customers fading away, to nurture and win back.</summary>
    Nurture,

    /// <summary>Low past and low future value: customers to serve well at lower cost (self-service, automated care).</summary>
    ServeAtLowerCost,
}

/// <summary>
/// Where past and future value split into high and low: a value at or above the split is high.
/// </summary>
/// <param name="PastValue">Split of past value (total spend in the calibration window), in currency.</param>
/// <param name="FutureValue">Split of future value (lifetime value), in currency.</param>
public sealed record QuadrantSplit(decimal PastValue, decimal FutureValue);
