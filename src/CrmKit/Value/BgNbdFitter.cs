namespace CrmKit.Value;

/// <summary>Maximum-likelihood fit of <see cref="BgNbdParameters"/> to purchase summaries.</summary>
internal static class BgNbdFitter
{
    /// <summary>
    /// Every parameter is searched within [1e-4, 1e6]. Data that few customers drop out of, or where
    /// everyone buys at much the same rate, have their likelihood rise without end towards a limit
    /// (a → 0 or b → ∞: nobody drops out; r, α → ∞ with r/α fixed: one purchase rate for all). Past
    /// these bounds the predictions no longer change in any digit that matters, while the search
    /// would run off to parameters of 10^13 and beyond; so the search stops at the bound instead.
    /// </summary>
    public const double LowestParameter = 1e-4, HighestParameter = 1e6;

    private static readonly double LowestLog = Math.Log(LowestParameter), HighestLog = Math.Log(HighestParameter);

    /// <summary>The fitted parameters and the maximised log-likelihood (summed over customers).</summary>
    public readonly record struct Result(BgNbdParameters Parameters, double LogLikelihood, int Evaluations);

    /// <summary>
    /// Maximises the summed BG/NBD log-likelihood with Nelder–Mead on the logarithms of (r, α, a, b),
    /// so every trial point is a valid parameter set, within [<see cref="LowestParameter"/>, <see cref="HighestParameter"/>]. Customers with equal (x, t_x, T) are grouped.
    /// </summary>
    /// <exception cref="ArgumentException">No summaries, or nobody made a repeat purchase (the fit would be degenerate).</exception>
    public static Result Fit(IEnumerable<PurchaseSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var groups = new Dictionary<(int X, double Recency, double Age), int>();
        double ageSum = 0.0;
        int count = 0, repeaters = 0;
        foreach (PurchaseSummary s in summaries)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(summaries));
            var key = (s.Frequency, s.Recency, s.Age);
            groups[key] = groups.GetValueOrDefault(key) + 1;
            ageSum += s.Age;
            count++;
            repeaters += s.Frequency > 0 ? 1 : 0;
        }

        if (count == 0)
        {
            throw new ArgumentException("Cannot fit the purchase model to no customers.", nameof(summaries));
        }

        if (repeaters == 0)
        {
            throw new ArgumentException("Cannot fit the purchase model: no customer made a repeat purchase.", nameof(summaries));
        }

        // Grouped so the log-gamma terms are computed once per distinct x, not once per customer.
        int[] counts = groups.Keys.Select(k => k.X).Distinct().Order().ToArray();
        var cells = groups
            .Select(g => (Index: Array.BinarySearch(counts, g.Key.X), g.Key.X, g.Key.Recency, g.Key.Age, Weight: (double)g.Value))
            .ToArray();
        var ofCount = new double[counts.Length];
        double NegativeLogLikelihood(double[] theta)
        {
            if (theta.Any(v => !(v >= LowestLog && v <= HighestLog)))
            {
                return double.PositiveInfinity;
            }

            var p = new BgNbdParameters(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3]));
            for (int i = 0; i < counts.Length; i++)
            {
                ofCount[i] = BgNbdModel.LogLikelihoodOfCount(p, counts[i]);
            }

            double total = 0.0;
            foreach (var cell in cells)
            {
                total += cell.Weight * BgNbdModel.LogLikelihood(p, cell.X, cell.Recency, cell.Age, ofCount[cell.Index]);
            }

            return -total;
        }

        double meanAge = Math.Max(ageSum / count, 1e-3);
        double[] start = [0.0, Math.Clamp(Math.Log(meanAge / 4.0), LowestLog, HighestLog), 0.0, 0.0];
        var best = NelderMead.Minimize(NegativeLogLikelihood, start);
        double[] t = best.Point;
        var fitted = new BgNbdParameters(Math.Exp(t[0]), Math.Exp(t[1]), Math.Exp(t[2]), Math.Exp(t[3]));
        return new Result(fitted, -best.Value, best.Evaluations);
    }
}
