using static CrmKit.Value.SpecialFunctions;

namespace CrmKit.Value;

/// <summary>The Gamma-Gamma spend model: likelihood, fit and conditional expected spend.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class GammaGammaModel(GammaGammaParameters parameters)
{
    public GammaGammaParameters Parameters { get; } = parameters ?? throw new ArgumentNullException(nameof(parameters));

    /// <summary>The fitted parameters, the maximised log-likelihood and how many customers were used.</summary>
    public readonly record struct FitResult(GammaGammaParameters Parameters, double LogLikelihood, int Customers);

    /// <summary>
    /// ln f(z̄ | x) for a customer with x &gt; 0 purchases of mean z̄ &gt; 0:
    /// ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(x z̄ + γ).
    /// </summary>
    public static double LogLikelihood(GammaGammaParameters g, int x, double meanSpend)
    {
        double px = g.P * x;
        return LogGamma(px + g.Q) - LogGamma(px) - LogGamma(g.Q) + g.Q * Math.Log(g.Gamma)
            + (px - 1.0) * Math.Log(meanSpend) + px * Math.Log(x) - (px + g.Q) * Math.Log(x * meanSpend + g.Gamma);
    }

    /// <summary>
    /// E[Z | x, z̄] = p (γ + x z̄) / (p x + q − 1): the expected spend of the customer's next purchase,
    /// a weighted mean of the population mean p γ / (q − 1) and the customer's own z̄.
    /// </summary>
    /// <exception cref="InvalidOperationException">q ≤ 1 and the customer has no repeat purchase: the population mean does not exist.</exception>
    public double ConditionalExpectedSpend(int x, double meanSpend)
    {
        double denominator = Parameters.P * x + Parameters.Q - 1.0;
        if (denominator <= 0.0)
        {
            throw new InvalidOperationException($"The spend model has q = {Parameters.Q} ≤ 1, so the expected spend of a customer with {x} repeat purchases is unbounded.");
        }

        return Parameters.P * (Parameters.Gamma + x * meanSpend) / denominator;
    }

    /// <summary>
    /// Maximum-likelihood fit on the customers with at least one repeat purchase and a positive
    /// average repeat spend (others carry no information on spend per purchase), over the logarithms
    /// of (p, q, γ) within [−30, 30], by damped Newton steps on the exact gradient and Hessian.
    /// </summary>
    /// <exception cref="ArgumentException">No customer qualifies, or the best fit has q ≤ 1 (no finite mean spend).</exception>
    public static FitResult Fit(IEnumerable<PurchaseSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        return Fit(SummaryColumns.From(summaries));
    }

    /// <inheritdoc cref="Fit(IEnumerable{PurchaseSummary})"/>
    public static FitResult Fit(SummaryColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var likelihood = new GammaGammaLikelihood(columns, LogLimit);
        int customers = likelihood.Customers;
        if (customers == 0)
        {
            throw new ArgumentException("Cannot fit the spend model: no customer has a repeat purchase with a positive amount.", "summaries");
        }

        // Start at p = q = 2 with γ matching the observed mean spend (p γ / (q − 1) = mean).
        double[] start = [Math.Log(2.0), Math.Log(2.0), Math.Log(Math.Max(likelihood.SpendSum / customers, 1e-6) / 2.0)];
        var best = BoundedNewton.Minimize(likelihood, start, -LogLimit, LogLimit);
        double[] t = best.Point;
        if (Math.Exp(t[1]) <= 1.0)
        {
            throw new ArgumentException(
                $"Cannot fit the spend model: the amounts of the {customers} customer(s) with repeat purchases give q = {Math.Exp(t[1]):G4} ≤ 1, "
                + "under which the average spend of a customer without a repeat purchase is unbounded. More customers with repeat purchases are needed.",
                "summaries");
        }

        return new FitResult(new GammaGammaParameters(Math.Exp(t[0]), Math.Exp(t[1]), Math.Exp(t[2])), -best.Value, customers);
    }

    // The search keeps each parameter within e^±30.
    private const double LogLimit = 30.0;
}
