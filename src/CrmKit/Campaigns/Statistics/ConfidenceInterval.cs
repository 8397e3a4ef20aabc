namespace CrmKit;

/// <summary>An estimate with its confidence interval, <see cref="Low"/> ≤ <see cref="Estimate"/> ≤ <see cref="High"/>.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Low">The interval's lower bound.</param>
/// <param name="High">The interval's upper bound.</param>
/// <param name="Method">The method that gave the interval, such as <c>Newcombe hybrid score</c> or <c>Welch t</c>.</param>
public readonly record struct ConfidenceInterval(double Estimate, double Low, double High, string Method)
{
    /// <summary>True when zero lies outside the interval: the difference is significant at the interval's level.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;

    /// <summary>True when <paramref name="value"/> lies in the interval (bounds included).</summary>
    public bool Covers(double value) => value >= Low && value <= High;
}
