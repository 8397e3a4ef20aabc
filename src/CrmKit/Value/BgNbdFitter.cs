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
    /// Maximises the summed BG/NBD log-likelihood over the logarithms of (r, α, a, b), so every trial
    /// point is a valid parameter set, within [<see cref="LowestParameter"/>, <see cref="HighestParameter"/>],
    /// by damped Newton steps on the exact gradient and Hessian (<see cref="BoundedNewton"/>).
    /// Customers with equal (x, t_x, T) are evaluated once (<see cref="BgNbdLikelihood"/>).
    /// </summary>
    /// <exception cref="ArgumentException">No summaries, or nobody made a repeat purchase (the fit would be degenerate).</exception>
    public static Result Fit(IEnumerable<PurchaseSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        return Fit(SummaryColumns.From(summaries));
    }

    /// <inheritdoc cref="Fit(IEnumerable{PurchaseSummary})"/>
    public static Result Fit(SummaryColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("Cannot fit the purchase model to no customers.", "summaries");
        }

        var likelihood = new BgNbdLikelihood(columns, LowestLog, HighestLog);
        if (likelihood.Repeaters == 0)
        {
            throw new ArgumentException("Cannot fit the purchase model: no customer made a repeat purchase.", "summaries");
        }

        double meanAge = Math.Max(likelihood.MeanAge, 1e-3);
        double[] start = [0.0, Math.Clamp(Math.Log(meanAge / 4.0), LowestLog, HighestLog), 0.0, 0.0];
        var best = BoundedNewton.Minimize(likelihood, start, LowestLog, HighestLog);
        double[] t = best.Point;
        var fitted = new BgNbdParameters(Math.Exp(t[0]), Math.Exp(t[1]), Math.Exp(t[2]), Math.Exp(t[3]));
        return new Result(fitted, -best.Value, best.Evaluations);
    }
}
