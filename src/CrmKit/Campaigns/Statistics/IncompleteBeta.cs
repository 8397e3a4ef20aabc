using CrmKit.Value;

namespace CrmKit;

/// <summary>The regularized incomplete beta function I_x(a, b), by Lentz's continued fraction.</summary>
internal static class IncompleteBeta
{
    /// <summary>
    /// I_x(a, b) for a, b &gt; 0 and 0 ≤ x ≤ 1. Uses the continued fraction where it converges
    /// fast (x below (a + 1) / (a + b + 2)) and the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) elsewhere.
    /// </summary>
    internal static double Regularized(double a, double b, double x)
    {
        if (!(a > 0) || !(b > 0)) throw new ArgumentOutOfRangeException(nameof(a), $"a = {a}, b = {b}; both must be positive.");
        if (!(x >= 0 && x <= 1)) throw new ArgumentOutOfRangeException(nameof(x), x, "x must lie in [0, 1].");
        if (x == 0) return 0;
        if (x == 1) return 1;
        var front = Math.Exp(a * Math.Log(x) + b * SpecialFunctions.Log1P(-x) - SpecialFunctions.LogBeta(a, b));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(a, b, x) / a
            : 1 - front * ContinuedFraction(b, a, 1 - x) / b;
    }

    // The continued fraction for I_x(a, b) (Numerical Recipes §6.4), evaluated by the modified Lentz method.
    private static double ContinuedFraction(double a, double b, double x)
    {
        const double Tiny = 1e-300;
        const double Epsilon = 1e-16;
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - qab * x / qap;
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1 / d;
        var h = d;
        var limit = 200 + (int)Math.Min(1e6, 20 * Math.Sqrt(Math.Max(a, b)));
        for (var m = 1; m <= limit; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon) return h;
        }
        return h;
    }
}
