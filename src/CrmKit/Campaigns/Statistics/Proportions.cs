namespace CrmKit;

/// <summary>
/// Confidence intervals for proportions at 95%: Wilson's score interval for one proportion, and
/// Newcombe's hybrid score interval (his method 10, 1998) for a difference of two independent ones.
/// </summary>
internal static class Proportions
{
    /// <summary>The standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975).</summary>
    internal const double Z95 = 1.959963984540054;

    /// <summary>
    /// Wilson's score interval for <paramref name="successes"/> of <paramref name="trials"/>:
    /// (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n), with p = successes / trials.
    /// </summary>
    internal static ConfidenceInterval Wilson(int successes, int trials)
    {
        if (trials <= 0) throw new ArgumentOutOfRangeException(nameof(trials), trials, "There must be at least one trial.");
        if (successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Must lie between 0 and {trials}.");
        double n = trials, p = successes / n, z2 = Z95 * Z95;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // Exact at the edges, where rounding could otherwise leave the bound a hair off 0 or 1.
        var low = successes == 0 ? 0 : Math.Max(0, centre - half);
        var high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new(p, low, high, "Wilson score");
    }

    /// <summary>
    /// Newcombe's hybrid score interval for p₁ − p₂, from the Wilson intervals (l₁, u₁) and (l₂, u₂):
    /// from d − √((p₁ − l₁)² + (u₂ − p₂)²) to d + √((u₁ − p₁)² + (p₂ − l₂)²), with d = p₁ − p₂.
    /// </summary>
    internal static ConfidenceInterval NewcombeDifference(int successes1, int trials1, int successes2, int trials2)
    {
        var a = Wilson(successes1, trials1);
        var b = Wilson(successes2, trials2);
        var d = a.Estimate - b.Estimate;
        var low = d - Math.Sqrt(Square(a.Estimate - a.Low) + Square(b.High - b.Estimate));
        var high = d + Math.Sqrt(Square(a.High - a.Estimate) + Square(b.Estimate - b.Low));
        return new(d, low, high, "Newcombe hybrid score");
    }

    private static double Square(double x) => x * x;
}
