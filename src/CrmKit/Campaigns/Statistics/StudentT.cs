namespace CrmKit;

/// <summary>Student's t distribution with ν degrees of freedom (ν &gt; 0, not necessarily whole, as Welch's test needs).</summary>
internal static class StudentT
{
    /// <summary>Above this many degrees of freedom the distribution is taken at this value; the quantiles then differ from the limit by less than 1e-6.</summary>
    internal const double MaxDegreesOfFreedom = 1e7;

    /// <summary>P(T ≤ t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, and by symmetry for t &lt; 0.</summary>
    internal static double Cdf(double t, double degreesOfFreedom)
    {
        var nu = Check(degreesOfFreedom);
        if (double.IsNaN(t)) throw new ArgumentOutOfRangeException(nameof(t), t, "t must be a number.");
        if (double.IsInfinity(t)) return t > 0 ? 1 : 0;
        var tail = 0.5 * IncompleteBeta.Regularized(nu / 2, 0.5, nu / (nu + t * t));
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>
    /// The quantile: the t with P(T ≤ t) = <paramref name="p"/>, for 0 &lt; p &lt; 1. Solves
    /// I_x(ν/2, ½) = 2·min(p, 1 − p) for x by bisection (I is increasing in x), then t = √(ν(1 − x)/x).
    /// </summary>
    internal static double Quantile(double p, double degreesOfFreedom)
    {
        var nu = Check(degreesOfFreedom);
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie strictly between 0 and 1.");
        if (p == 0.5) return 0;
        var target = 2 * Math.Min(p, 1 - p);
        double lo = 0, hi = 1;
        for (var i = 0; i < 1100; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (IncompleteBeta.Regularized(nu / 2, 0.5, mid) < target) lo = mid;
            else hi = mid;
        }
        var x = 0.5 * (lo + hi);
        var t = Math.Sqrt(nu * (1 - x) / x);
        return p > 0.5 ? t : -t;
    }

    private static double Check(double nu) =>
        nu > 0 && !double.IsNaN(nu)
            ? Math.Min(nu, MaxDegreesOfFreedom)
            : throw new ArgumentOutOfRangeException("degreesOfFreedom", nu, "The degrees of freedom must be positive.");
}
