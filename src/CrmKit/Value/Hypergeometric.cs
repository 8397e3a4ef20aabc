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
        double monotoneFrom = 2.0 + Math.Abs(a) + Math.Abs(b) + Math.Abs(c);
        for (int n = 1; n <= MaxTerms; n++)
        {
            sum += term;
            if (term == 0.0)
            {
                return sum;
            }

            double ratio = (a + n) * (b + n) * z / ((c + n) * (n + 1));
            double next = term * ratio;
            if (n > monotoneFrom)
            {
                // Past the hump the term ratio moves monotonically towards |z|, so it is bounded by
                // the larger of the current ratio and |z|; the tail is then below a geometric series.
                double bound = Math.Max(Math.Abs(ratio), absZ);
                if (bound < 1.0 && Math.Abs(next) / (1.0 - bound) <= Tolerance * Math.Abs(sum))
                {
                    return sum + next;
                }
            }

            if (double.IsInfinity(next) || double.IsNaN(next))
            {
                throw new ArithmeticException($"The hypergeometric series overflowed for a={a}, b={b}, c={c}, z={z}.");
            }

            term = next;
        }

        throw new ArithmeticException($"The hypergeometric series did not converge for a={a}, b={b}, c={c}, z={z}.");
    }
}
