using CrmKit.Value;

namespace CrmKit.Benchmarks.Value.Baseline;

/// <summary>
/// The BG/NBD and Gamma-Gamma fits as they were before damped Newton replaced them (Nelder–Mead over
/// the (x, t_x, T) groups), kept unchanged as the benchmarks' baseline.
/// </summary>
internal static class NelderMeadValueFit
{
    private const double LowestParameter = 1e-4, HighestParameter = 1e6;

    private static readonly double LowestLog = Math.Log(LowestParameter), HighestLog = Math.Log(HighestParameter);

    public static (BgNbdParameters Parameters, double LogLikelihood, int Evaluations) FitPurchases(IEnumerable<PurchaseSummary> summaries)
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
        return (fitted, -best.Value, best.Evaluations);
    }

    public static (GammaGammaParameters Parameters, double LogLikelihood, int Customers) FitSpend(IEnumerable<PurchaseSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var cells = new Dictionary<(int X, double Mean), int>();
        int customers = 0;
        double spendSum = 0.0;
        foreach (PurchaseSummary s in summaries)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(summaries));
            if (s.Frequency > 0 && s.AverageRepeatSpend > 0m)
            {
                var key = (s.Frequency, (double)s.AverageRepeatSpend);
                cells[key] = cells.GetValueOrDefault(key) + 1;
                customers++;
                spendSum += key.Item2;
            }
        }

        if (customers == 0)
        {
            throw new ArgumentException("Cannot fit the spend model: no customer has a repeat purchase with a positive amount.", nameof(summaries));
        }

        var data = cells.Select(c => (c.Key.X, c.Key.Mean, Weight: (double)c.Value)).ToArray();
        double NegativeLogLikelihood(double[] theta)
        {
            if (theta.Any(v => Math.Abs(v) > 30.0))
            {
                return double.PositiveInfinity;
            }

            var g = new GammaGammaParameters(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]));
            double total = 0.0;
            foreach (var (x, mean, weight) in data)
            {
                total += weight * GammaGammaModel.LogLikelihood(g, x, mean);
            }

            return -total;
        }

        // Start at p = q = 2 with γ matching the observed mean spend (p γ / (q − 1) = mean).
        double[] start = [Math.Log(2.0), Math.Log(2.0), Math.Log(Math.Max(spendSum / customers, 1e-6) / 2.0)];
        var best = NelderMead.Minimize(NegativeLogLikelihood, start);
        double[] t = best.Point;
        if (Math.Exp(t[1]) <= 1.0)
        {
            throw new ArgumentException(
                $"Cannot fit the spend model: the amounts of the {customers} customer(s) with repeat purchases give q = {Math.Exp(t[1]):G4} ≤ 1, "
                + "under which the average spend of a customer without a repeat purchase is unbounded. More customers with repeat purchases are needed.",
                nameof(summaries));
        }

        return (new GammaGammaParameters(Math.Exp(t[0]), Math.Exp(t[1]), Math.Exp(t[2])), -best.Value, customers);
    }
}
