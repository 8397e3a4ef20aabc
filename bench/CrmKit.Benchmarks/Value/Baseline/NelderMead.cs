namespace CrmKit.Benchmarks.Value.Baseline;

/// <summary>
/// The value fit's minimiser before damped Newton replaced it, kept unchanged as the benchmarks' baseline:
/// derivative-free minimiser (Nelder–Mead simplex with the dimension-adaptive coefficients of
/// Gao and Han 2012), restarted from its best point until a restart no longer improves it.
/// </summary>
/// <remarks>
/// The simplex can collapse early on ridged likelihoods; restarting with a fresh simplex around
/// the best point is the usual remedy and costs little. Non-finite objective values count as +∞.
/// </remarks>
internal static class NelderMead
{
    /// <summary>The result of a minimisation.</summary>
    public readonly record struct Result(double[] Point, double Value, int Evaluations);

    public static Result Minimize(Func<double[], double> objective, double[] start, double step = 0.5,
        double tolerance = 1e-12, int maxEvaluations = 20_000, int maxRestarts = 8)
    {
        double[] best = (double[])start.Clone();
        double bestValue = Evaluate(objective, best);
        int evaluations = 1;
        for (int restart = 0; restart <= maxRestarts && evaluations < maxEvaluations; restart++)
        {
            var run = Run(objective, best, restart == 0 ? step : step / 4, tolerance, maxEvaluations - evaluations);
            evaluations += run.Evaluations;
            bool improved = run.Value < bestValue - tolerance * (Math.Abs(bestValue) + 1e-12);
            if (run.Value <= bestValue)
            {
                best = run.Point;
                bestValue = run.Value;
            }

            if (!improved && restart > 0)
            {
                break;
            }
        }

        return new Result(best, bestValue, evaluations);
    }

    private static Result Run(Func<double[], double> f, double[] start, double step, double tolerance, int budget)
    {
        int n = start.Length;
        double reflect = 1.0;
        double expand = 1.0 + 2.0 / n;
        double contract = 0.75 - 1.0 / (2.0 * n);
        double shrink = 1.0 - 1.0 / n;

        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        simplex[0] = (double[])start.Clone();
        for (int i = 0; i < n; i++)
        {
            simplex[i + 1] = (double[])start.Clone();
            simplex[i + 1][i] += step;
        }

        int evaluations = 0;
        for (int i = 0; i <= n; i++)
        {
            values[i] = Evaluate(f, simplex[i]);
            evaluations++;
        }

        var order = new int[n + 1];
        var centroid = new double[n];
        while (evaluations < budget)
        {
            for (int i = 0; i <= n; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (i, j) => values[i].CompareTo(values[j]));
            int bestIndex = order[0], worst = order[n], secondWorst = order[n - 1];
            if (Converged(simplex, values, bestIndex, worst, tolerance))
            {
                break;
            }

            Array.Clear(centroid);
            for (int k = 0; k < n; k++)
            {
                int v = order[k];
                for (int d = 0; d < n; d++)
                {
                    centroid[d] += simplex[v][d] / n;
                }
            }

            double[] reflected = Along(centroid, simplex[worst], -reflect);
            double fr = Evaluate(f, reflected);
            evaluations++;
            if (fr < values[bestIndex])
            {
                double[] expanded = Along(centroid, simplex[worst], -reflect * expand);
                double fe = Evaluate(f, expanded);
                evaluations++;
                (simplex[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[secondWorst])
            {
                (simplex[worst], values[worst]) = (reflected, fr);
            }
            else
            {
                bool outside = fr < values[worst];
                double[] contracted = outside
                    ? Along(centroid, simplex[worst], -reflect * contract)
                    : Along(centroid, simplex[worst], contract);
                double fc = Evaluate(f, contracted);
                evaluations++;
                if (fc < Math.Min(fr, values[worst]))
                {
                    (simplex[worst], values[worst]) = (contracted, fc);
                }
                else
                {
                    for (int k = 1; k <= n; k++)
                    {
                        int v = order[k];
                        simplex[v] = Along(simplex[bestIndex], simplex[v], shrink);
                        values[v] = Evaluate(f, simplex[v]);
                        evaluations++;
                    }
                }
            }
        }

        int argBest = 0;
        for (int i = 1; i <= n; i++)
        {
            if (values[i] < values[argBest])
            {
                argBest = i;
            }
        }

        return new Result(simplex[argBest], values[argBest], evaluations);
    }

    // origin + factor · (point − origin)
    private static double[] Along(double[] origin, double[] point, double factor)
    {
        var result = new double[origin.Length];
        for (int d = 0; d < origin.Length; d++)
        {
            result[d] = origin[d] + factor * (point[d] - origin[d]);
        }

        return result;
    }

    private static bool Converged(double[][] simplex, double[] values, int best, int worst, double tolerance)
    {
        if (!double.IsFinite(values[worst]))
        {
            return false;
        }

        if (values[worst] - values[best] > tolerance * (Math.Abs(values[best]) + 1e-12))
        {
            return false;
        }

        double spread = 0.0;
        foreach (double[] vertex in simplex)
        {
            for (int d = 0; d < vertex.Length; d++)
            {
                spread = Math.Max(spread, Math.Abs(vertex[d] - simplex[best][d]));
            }
        }

        return spread < 1e-9;
    }

    private static double Evaluate(Func<double[], double> f, double[] point)
    {
        double value = f(point);
        return double.IsNaN(value) ? double.PositiveInfinity : value;
    }
}
