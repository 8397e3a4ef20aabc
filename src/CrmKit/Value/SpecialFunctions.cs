namespace CrmKit.Value;

/// <summary>
/// The few special functions the value models need, written out so the core has no numeric
/// dependency. Accurate to about 1e-14 relative on the arguments the models use.
/// </summary>
internal static class SpecialFunctions
{
    // Lanczos approximation with g = 7 and nine coefficients (Godfrey's set); about 15 digits.
    private const double LanczosG = 7.0;

    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2.0 * Math.PI);

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0.0) || double.IsPositiveInfinity(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs a finite positive argument.");
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1-x) = π / sin(πx); sin(πx) > 0 on (0, 0.5).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1.0 - x);
        }

        double z = x - 1.0;
        double sum = LanczosCoefficients[0];
        for (int i = 1; i < LanczosCoefficients.Length; i++)
        {
            sum += LanczosCoefficients[i] / (z + i);
        }

        double t = z + LanczosG + 0.5;
        return HalfLogTwoPi + (z + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>ψ(x) = d/dx ln Γ(x) for x &gt; 0: recurrence up to 10, then the asymptotic series (about 1e-15 absolute).</summary>
    public static double Digamma(double x)
    {
        double result = 0.0;
        while (x < 10.0)
        {
            result -= 1.0 / x;
            x += 1.0;
        }

        double inverse = 1.0 / x, square = inverse * inverse;
        return result + Math.Log(x) - 0.5 * inverse
            - square * (1.0 / 12 - square * (1.0 / 120 - square * (1.0 / 252 - square * (1.0 / 240 - square * (1.0 / 132)))));
    }

    /// <summary>ψ′(x) = d²/dx² ln Γ(x) for x &gt; 0: recurrence up to 10, then the asymptotic series.</summary>
    public static double Trigamma(double x)
    {
        double result = 0.0;
        while (x < 10.0)
        {
            result += 1.0 / (x * x);
            x += 1.0;
        }

        double inverse = 1.0 / x, square = inverse * inverse;
        return result + inverse + 0.5 * square
            + inverse * square * (1.0 / 6 - square * (1.0 / 30 - square * (1.0 / 42 - square * (1.0 / 30 - square * (5.0 / 66)))));
    }

    /// <summary>ψ(y + n) − ψ(y) = Σ_{k&lt;n} 1/(y+k) for y &gt; 0 and a whole n ≥ 0, summed exactly for small n.</summary>
    public static double DigammaStep(double y, int n)
    {
        if (n > 32)
        {
            return Digamma(y + n) - Digamma(y);
        }

        double sum = 0.0;
        for (int k = 0; k < n; k++)
        {
            sum += 1.0 / (y + k);
        }

        return sum;
    }

    /// <summary>ψ′(y) − ψ′(y + n) = Σ_{k&lt;n} 1/(y+k)² for y &gt; 0 and a whole n ≥ 0, summed exactly for small n.</summary>
    public static double TrigammaStep(double y, int n)
    {
        if (n > 32)
        {
            return Trigamma(y) - Trigamma(y + n);
        }

        double sum = 0.0;
        for (int k = 0; k < n; k++)
        {
            double inverse = 1.0 / (y + k);
            sum += inverse * inverse;
        }

        return sum;
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b &gt; 0.</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>e^y − 1 without the cancellation of the naive form for small y.</summary>
    public static double ExpM1(double y)
    {
        if (Math.Abs(y) < 1.0)
        {
            double h = Math.Tanh(0.5 * y);
            return 2.0 * h / (1.0 - h);
        }

        return Math.Exp(y) - 1.0;
    }

    /// <summary>(e^y − 1) / y, equal to 1 at y = 0.</summary>
    public static double ExpM1OverY(double y) => y == 0.0 ? 1.0 : ExpM1(y) / y;

    /// <summary>ln(1 + y) for y &gt; −1, accurate for small y.</summary>
    public static double Log1P(double y)
    {
        double u = 1.0 + y;
        if (u == 1.0)
        {
            return y;
        }

        // Corrects the rounding of 1 + y (Goldberg's trick).
        return Math.Log(u) * y / (u - 1.0);
    }

    /// <summary>ln(e^u + e^v) without overflow; either argument may be −∞.</summary>
    public static double LogAddExp(double u, double v)
    {
        if (double.IsNegativeInfinity(u))
        {
            return v;
        }

        if (double.IsNegativeInfinity(v))
        {
            return u;
        }

        double max = Math.Max(u, v);
        return max + Log1P(Math.Exp(-Math.Abs(u - v)));
    }
}
