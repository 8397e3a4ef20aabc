namespace CrmKit.Value;

/// <summary>
/// The Gauss hypergeometric function ₂F₁(a, b; c; z) by its power series, for |z| &lt; 1 and c not 0, −1, −2, …
/// </summary>
/// <remarks>
/// The series is split as ₂F₁ = 1 + b·H(a, b, c, z) with
/// H = Σ_{n≥1} (a)ₙ (b+1)ₙ₋₁ zⁿ / ((c)ₙ n!), so that a caller who must divide by b (the BG/NBD
/// expectation divides by a − 1) can do so exactly, even when b is zero or tiny.
/// The sum stops when a geometric bound on the remaining tail falls below 1e-16 of the sum.
/// Convergence slows as z approaches 1 (about 40 / (1 − z) terms).
/// </remarks>
internal static class Hypergeometric
{
    private const double Tolerance = 1e-16;
    private const int MaxTerms = 50_000_000;

    /// <summary>₂F₁(a, b; c; z).</summary>
    public static double F21(double a, double b, double c, double z) => 1.0 + b * Tail(a, b, c, z);

    /// <summary>H(a, b, c, z) = (₂F₁(a, b; c; z) − 1) / b, defined for every b.</summary>
    public static double Tail(double a, double b, double c, double z)
    {
        if (!double.IsFinite(c) || (c <= 0.0 && c == Math.Floor(c)))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "The hypergeometric series needs c finite and not 0, -1, -2, ...");
        }

        if (!(Math.Abs(z) < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "The hypergeometric series needs |z| < 1.");
        }

        if (double.IsNaN(a) || double.IsInfinity(a) || double.IsNaN(b) || double.IsInfinity(b))
        {
            throw new ArgumentException("The hypergeometric parameters must be finite numbers.", nameof(a));
        }

        double absZ = Math.Abs(z);
        double term = a * z / c; // n = 1
        double sum = 0.0;
        double monotoneFrom = 1.0 + Math.Max(Math.Max(-a, -b), Math.Max(-c, 0.0));
        for (int n = 1; n <= MaxTerms; n++)
        {
            sum += term;
            if (term == 0.0)
            {
                return sum;
            }

            double ratio = (a + n) * (b + n) * z / ((c + n) * (n + 1));
            double next = term * ratio;
            double bound = RatioBound(a, b, c, absZ, n, monotoneFrom);
            if (bound < 1.0 && Math.Abs(next) / (1.0 - bound) <= Tolerance * Math.Abs(sum))
            {
                // Every later term ratio is at most the bound, so the tail is below a geometric series.
                return sum + next;
            }

            if (double.IsInfinity(next) || double.IsNaN(next))
            {
                throw new ArithmeticException($"The hypergeometric series overflowed for a={a}, b={b}, c={c}, z={z}.");
            }

            term = next;
        }

        throw new ArithmeticException($"The hypergeometric series did not converge for a={a}, b={b}, c={c}, z={z}.");
    }

    /// <summary>
    /// ln |₂F₁(a, b; c; z) − 1| and its sign, for a, b &gt; 0, c &gt; −1 and 0 ≤ z &lt; 1. The terms then
    /// all have one sign (that of c), so the sum has no cancellation; it is kept rescaled, so it does
    /// not overflow when the function itself exceeds the range of a double (large a with z near 1).
    /// </summary>
    /// <returns>The logarithm of the magnitude (−∞ when the sum is zero); <paramref name="sign"/> is −1, 0 or 1.</returns>
    public static double LogAbsTail(double a, double b, double c, double z, out int sign)
    {
        if (!(a > 0.0 && b > 0.0 && c > -1.0 && c != 0.0 && z >= 0.0 && z < 1.0) || !double.IsFinite(a + b + c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "The rescaled hypergeometric series needs a, b > 0, c > -1 and not 0, and 0 <= z < 1.");
        }

        const double Rescale = 1e200;
        double term = a * b * z / c; // n = 1
        sign = Math.Sign(term);
        term = Math.Abs(term);
        double sum = 0.0, logScale = 0.0;
        double monotoneFrom = 1.0 + Math.Max(-c, 0.0);
        for (int n = 1; n <= MaxTerms; n++)
        {
            sum += term;
            if (term == 0.0)
            {
                break;
            }

            double ratio = (a + n) * (b + n) * z / ((c + n) * (n + 1));
            double next = term * ratio;
            double bound = RatioBound(a, b, c, z, n, monotoneFrom);
            if (bound < 1.0 && next / (1.0 - bound) <= Tolerance * sum)
            {
                sum += next;
                break;
            }

            if (sum > Rescale)
            {
                sum /= Rescale;
                next /= Rescale;
                logScale += Math.Log(Rescale);
            }

            term = next;
            if (n == MaxTerms)
            {
                throw new ArithmeticException($"The hypergeometric series did not converge for a={a}, b={b}, c={c}, z={z}.");
            }
        }

        return sum == 0.0 ? double.NegativeInfinity : Math.Log(sum) + logScale;
    }

    /// <summary>
    /// A bound on |ratio of term m+1 to term m| for every m ≥ n, or +∞ before all of a+m, b+m, c+m
    /// are positive (from <paramref name="positiveFrom"/> on). The ratio is z · (a+m)/(c+m) · (b+m)/(m+1)
    /// (or the same with a and b swapped); each fraction is monotone in m and tends to 1, so it is at
    /// most the larger of its value at n and 1.
    /// </summary>
    private static double RatioBound(double a, double b, double c, double absZ, int n, double positiveFrom)
    {
        if (n <= positiveFrom)
        {
            return double.PositiveInfinity;
        }

        double WithC(double u, double v) =>
            Math.Max((u + n) / (c + n), 1.0) * Math.Max((v + n) / (n + 1.0), 1.0);
        return absZ * Math.Min(WithC(a, b), WithC(b, a));
    }
}
