using static CrmKit.Value.SpecialFunctions;

namespace CrmKit.Value;

/// <summary>
/// The BG/NBD model of Fader, Hardie and Lee (2005): likelihood, maximum-likelihood fit and
/// predictions. All times are in model units (those the summaries were built with).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class BgNbdModel(BgNbdParameters parameters)
{
    public BgNbdParameters Parameters { get; } = parameters ?? throw new ArgumentNullException(nameof(parameters));

    /// <summary>
    /// ln L for one customer (FHL 2005, eq. 6), in log space throughout:
    /// ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
    /// + ln[ (α+T)^−(r+x) + δ(x&gt;0) · a/(b+x−1) · (α+t_x)^−(r+x) ].
    /// </summary>
    public static double LogLikelihood(BgNbdParameters p, int x, double recency, double age) =>
        LogLikelihood(p, x, recency, age, LogLikelihoodOfCount(p, x));

    /// <summary>The part of <see cref="LogLikelihood(BgNbdParameters, int, double, double)"/> that depends on x only.</summary>
    public static double LogLikelihoodOfCount(BgNbdParameters p, int x)
    {
        double r = p.R, alpha = p.Alpha, a = p.A, b = p.B;
        return LogGamma(r + x) - LogGamma(r) + r * Math.Log(alpha)
            + LogGamma(a + b) + LogGamma(b + x) - LogGamma(b) - LogGamma(a + b + x);
    }

    /// <summary>ln L for one customer given <see cref="LogLikelihoodOfCount"/> for its x.</summary>
    public static double LogLikelihood(BgNbdParameters p, int x, double recency, double age, double ofCount)
    {
        double r = p.R, alpha = p.Alpha, a = p.A, b = p.B;
        double stillAlive = -(r + x) * Math.Log(alpha + age);
        double droppedAfterLast = x > 0
            ? Math.Log(a) - Math.Log(b + x - 1) - (r + x) * Math.Log(alpha + recency)
            : double.NegativeInfinity;
        return ofCount + LogAddExp(stillAlive, droppedAfterLast);
    }

    /// <summary>P(active at T | x, t_x, T) (FHL 2005, eq. 11); 1 when x = 0.</summary>
    public double ProbabilityAlive(int x, double recency, double age)
    {
        double k = LogDropOutOdds(x, recency, age);
        // 1 / (1 + e^k) without overflow.
        return k > 0 ? Math.Exp(-k) / (1.0 + Math.Exp(-k)) : 1.0 / (1.0 + Math.Exp(k));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T]: expected purchases in the next <paramref name="t"/> units (FHL 2005, eq. 10):
    /// (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive).
    /// </summary>
    /// <remarks>
    /// Evaluated through Euler's transformation, ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; c; z)
    /// = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; c; z), whose series parameters do not grow with x, and with
    /// the factor 1/(a−1) cancelled analytically so a = 1 is no special case; for large a, or r well
    /// above a + b, by the defining series summed in rescaled form. Never above the no-drop-out
    /// (NBD) value (r+x)·t/(α+T).
    /// </remarks>
    public double ConditionalExpectedPurchases(double t, int x, double recency, double age)
    {
        double perAlive = ExpectedPurchasesIfAlive(t, x, age);
        return perAlive * ProbabilityAlive(x, recency, age);
    }

    /// <summary>E[X(t)]: expected purchases of a customer in the first <paramref name="t"/> units after their first purchase (FHL 2005, eq. 9).</summary>
    public double ExpectedPurchasesOfNewCustomer(double t) => ExpectedPurchasesIfAlive(t, 0, 0.0);

    // Two exact forms of E[Y(t) | alive], each used where its series is well conditioned:
    // Euler's transformation while a is moderate and r not far above a + b (its series parameters
    // a+b−1−r and a−1 then stay small whatever x is), and the defining series otherwise (large a,
    // or large r: a fit where nobody drops out or everyone buys at one rate drives them there).
    // Either way the result is clamped to [0, (r+x)·t/(α+T)]: with no drop-out at all the model is
    // the NBD, whose expectation is that closed form, and dropping out can only lower it.
    // E[Y(t) | x, t_x, T] = ExpectedPurchasesIfAlive(t, x, T) · P(alive), so a caller asking for many t can compute P(alive) once.
    public double ExpectedPurchasesIfAlive(double t, int x, double age)
    {
        if (t == 0.0)
        {
            return 0.0;
        }

        double r = Parameters.R, alpha = Parameters.Alpha, a = Parameters.A, b = Parameters.B;
        double scaled = t / (alpha + age);
        double z = scaled / (1.0 + scaled);
        double logOneMinusZ = -Log1P(scaled);
        double value = a < 4.0 && r < a + b + 7.0
            ? ByEulerTransformation(r, a, b, x, z, logOneMinusZ)
            : ByDefiningSeries(r, a, b, x, z, logOneMinusZ);
        return Math.Clamp(value, 0.0, (r + x) * scaled);
    }

    // (a+b+x−1)/(a−1) · [1 − (1−z)^(a−1) F'] with F' = 1 + (a−1)·H, so
    // = (a+b+x−1) · [ (1 − (1−z)^(a−1))/(a−1) − (1−z)^(a−1) H ] and (1 − e^(εL))/ε = −L·expm1(εL)/(εL).
    private static double ByEulerTransformation(double r, double a, double b, int x, double z, double logOneMinusZ)
    {
        double c = AwayFromZero(a + b + x - 1.0, 1e-10);
        double epsilon = a - 1.0;
        double power = Math.Exp(epsilon * logOneMinusZ);
        double tail = Hypergeometric.Tail(a + b - 1.0 - r, epsilon, c, z);
        double bracket = -logOneMinusZ * ExpM1OverY(epsilon * logOneMinusZ) - power * tail;
        return c * bracket;
    }

    // (a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) (1 + S)], S = ₂F₁(r+x, b+x; a+b+x−1; z) − 1 summed rescaled,
    // and 1 − (1−z)^(r+x)(1 + S) = −expm1((r+x) ln(1−z) + ln(1 + S)) while S is in range.
    private static double ByDefiningSeries(double r, double a, double b, int x, double z, double logOneMinusZ)
    {
        double epsilon = AwayFromZero(a - 1.0, 1e-6); // a = 1 is a removable singularity
        double c = AwayFromZero(epsilon + b + x, 1e-10);
        double logS = Hypergeometric.LogAbsTail(r + x, b + x, c, z, out int sign);
        double lead = (r + x) * logOneMinusZ;
        double oneMinusV;
        if (logS < 600.0)
        {
            double s = sign * Math.Exp(logS);
            oneMinusV = s > -1.0 ? -ExpM1(lead + Log1P(s)) : 1.0 - Math.Exp(lead) * (1.0 + s);
        }
        else
        {
            oneMinusV = sign > 0 ? -ExpM1(lead + logS) : 1.0 + Math.Exp(lead + logS);
        }

        return c / epsilon * oneMinusV;
    }

    private static double AwayFromZero(double value, double least) =>
        Math.Abs(value) >= least ? value : (value < 0.0 ? -least : least);

    private double LogDropOutOdds(int x, double recency, double age)
    {
        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        double r = Parameters.R, alpha = Parameters.Alpha, a = Parameters.A, b = Parameters.B;
        return Math.Log(a) - Math.Log(b + x - 1.0) + (r + x) * Log1P((age - recency) / (alpha + recency));
    }
}
