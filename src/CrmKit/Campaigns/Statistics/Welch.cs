namespace CrmKit;

/// <summary>Welch's t interval for a difference of two means with unequal variances.</summary>
internal static class Welch
{
    /// <summary>
    /// The 95% interval for mean₁ − mean₂: d ± t(0.975, ν)·SE with SE = √(s₁²/n₁ + s₂²/n₂) and the
    /// Welch–Satterthwaite degrees of freedom ν = SE⁴ / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)).
    /// Null when either sample has fewer than two values. When both samples have no spread the
    /// interval is the difference itself.
    /// </summary>
    internal static ConfidenceInterval? Difference(IReadOnlyList<double> first, IReadOnlyList<double> second, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie strictly between 0 and 1.");
        if (first.Count < 2 || second.Count < 2) return null;
        var (m1, v1) = MeanAndVariance(first);
        var (m2, v2) = MeanAndVariance(second);
        var d = m1 - m2;
        double q1 = v1 / first.Count, q2 = v2 / second.Count;
        var se = Math.Sqrt(q1 + q2);
        if (se == 0) return new(d, d, d, "Welch t");
        var nu = (q1 + q2) * (q1 + q2) / (q1 * q1 / (first.Count - 1) + q2 * q2 / (second.Count - 1));
        var t = StudentT.Quantile(1 - (1 - level) / 2, nu);
        return new(d, d - t * se, d + t * se, "Welch t");
    }

    /// <summary>The mean and the sample variance (divisor n − 1), by Welford's method.</summary>
    internal static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        double mean = 0, m2 = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var delta = values[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (values[i] - mean);
        }
        return (mean, values.Count > 1 ? m2 / (values.Count - 1) : 0);
    }
}
