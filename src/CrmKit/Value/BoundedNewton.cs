namespace CrmKit.Value;

/// <summary>
/// Minimises a smooth function over a box with damped Newton steps (Levenberg–Marquardt on the exact
/// Hessian), keeping variables that sit on a bound and are pushed outwards fixed there.
/// </summary>
/// <remarks>
/// <para>Near a maximum of a likelihood the steps converge quadratically, so the stopping rule can ask
/// for steps below 1e-11 in every variable at the cost of one or two more evaluations.</para>
/// <para>A step that would leave the box is shortened to end on the box, and the bound it meets
/// becomes active; a rising ridge that runs to the edge of the box (a likelihood without a finite
/// maximum) therefore ends on the bound in a few steps instead of crawling along it.</para>
/// <para>Stops when a step moves no variable by more than 1e-11, when an accepted step lowers f by
/// less than 1e-15 of |f| twice running, when every variable is held by a bound, or after 500 steps.</para>
/// </remarks>
internal static class BoundedNewton
{
    private const double StepTolerance = 1e-11, ValueTolerance = 1e-15;
    private const int MaxSteps = 500;

    /// <summary>The point reached, f there and the number of evaluations.</summary>
    public readonly record struct Result(double[] Point, double Value, int Evaluations);

    public static Result Minimize(ITwiceDifferentiable f, ReadOnlySpan<double> start, double lower, double upper)
    {
        int n = f.Dimension;
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Clamp(start[i], lower, upper);
        }

        var g = new double[n];
        var h = new double[n * n];
        var trial = new double[n];
        var gTrial = new double[n];
        var hTrial = new double[n * n];
        var step = new double[n];
        var free = new bool[n];
        var system = new double[n * n];
        double value = f.Evaluate(x, g, h);
        int evaluations = 1;
        if (!double.IsFinite(value))
        {
            return new Result(x, double.PositiveInfinity, evaluations);
        }

        double damping = 0.0, smallGains = 0;
        for (int iteration = 0; iteration < MaxSteps; iteration++)
        {
            int freeCount = 0;
            double scale = 0.0;
            for (int i = 0; i < n; i++)
            {
                free[i] = !(x[i] <= lower && g[i] > 0.0) && !(x[i] >= upper && g[i] < 0.0);
                freeCount += free[i] ? 1 : 0;
                scale = Math.Max(scale, Math.Abs(h[i * n + i]));
            }

            if (freeCount == 0)
            {
                break;
            }

            double floor = 1e-9 * Math.Max(scale, 1e-300);
            bool accepted = false, converged = false;
            while (!accepted)
            {
                if (!SolveDamped(h, g, free, n, damping, system, step))
                {
                    damping = Math.Max(4.0 * damping, floor);
                    continue;
                }

                double largest = ShortenToBox(x, step, lower, upper, n, trial, out int blocked);
                if (blocked >= 0)
                {
                    // A variable on its bound that the step would push further out: hold it there and solve again.
                    free[blocked] = false;
                    if (--freeCount == 0)
                    {
                        converged = true;
                        break;
                    }

                    continue;
                }

                if (largest <= StepTolerance)
                {
                    converged = true;
                    break;
                }

                double tried = f.Evaluate(trial, gTrial, hTrial);
                evaluations++;
                if (double.IsFinite(tried) && tried <= value)
                {
                    smallGains = value - tried <= ValueTolerance * Math.Abs(value) ? smallGains + 1 : 0;
                    (x, trial) = (trial, x);
                    (g, gTrial) = (gTrial, g);
                    (h, hTrial) = (hTrial, h);
                    value = tried;
                    damping = damping / 4.0 < floor ? 0.0 : damping / 4.0;
                    accepted = true;
                }
                else
                {
                    damping = Math.Max(4.0 * damping, floor);
                    if (damping > 1e30 * Math.Max(scale, 1.0))
                    {
                        converged = true; // no direction downhill is left: f is flat to rounding here
                        break;
                    }
                }
            }

            if (converged || smallGains >= 2)
            {
                break;
            }
        }

        return new Result(x, value, evaluations);
    }

    // Solves (H + λI) s = −g over the free variables (s = 0 for the others) by Cholesky; false when not positive definite.
    private static bool SolveDamped(double[] h, double[] g, bool[] free, int n, double damping, double[] system, double[] step)
    {
        Array.Clear(system);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                system[i * n + j] = free[i] && free[j] ? h[i * n + j] : (i == j ? 1.0 : 0.0);
            }

            if (free[i])
            {
                system[i * n + i] += damping;
            }

            step[i] = free[i] ? -g[i] : 0.0;
        }

        // In-place Cholesky: the lower triangle becomes L with L Lᵀ = system.
        for (int j = 0; j < n; j++)
        {
            double diagonal = system[j * n + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= system[j * n + k] * system[j * n + k];
            }

            if (!(diagonal > 0.0))
            {
                return false;
            }

            double root = Math.Sqrt(diagonal);
            system[j * n + j] = root;
            for (int i = j + 1; i < n; i++)
            {
                double sum = system[i * n + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= system[i * n + k] * system[j * n + k];
                }

                system[i * n + j] = sum / root;
            }
        }

        for (int i = 0; i < n; i++)
        {
            double sum = step[i];
            for (int k = 0; k < i; k++)
            {
                sum -= system[i * n + k] * step[k];
            }

            step[i] = sum / system[i * n + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = step[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= system[k * n + i] * step[k];
            }

            step[i] = sum / system[i * n + i];
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(step[i]))
            {
                return false;
            }
        }

        return true;
    }

    // trial = x + t·step with the largest t ≤ 1 that stays in the box; the bound met is hit exactly.
    // Returns the largest move of any variable; blocked names a variable already on the bound the step points past.
    private static double ShortenToBox(double[] x, double[] step, double lower, double upper, int n, double[] trial, out int blocked)
    {
        double t = 1.0;
        int limiting = -1;
        blocked = -1;
        for (int i = 0; i < n; i++)
        {
            double room = step[i] > 0.0 ? upper - x[i] : step[i] < 0.0 ? lower - x[i] : double.PositiveInfinity;
            double fraction = room / step[i];
            if (fraction <= 0.0)
            {
                blocked = i;
                return 0.0;
            }

            if (fraction < t)
            {
                t = Math.Max(fraction, 0.0);
                limiting = i;
            }
        }

        double largest = 0.0;
        for (int i = 0; i < n; i++)
        {
            trial[i] = Math.Clamp(x[i] + t * step[i], lower, upper);
        }

        if (limiting >= 0)
        {
            trial[limiting] = step[limiting] > 0.0 ? upper : lower;
        }

        for (int i = 0; i < n; i++)
        {
            largest = Math.Max(largest, Math.Abs(trial[i] - x[i]));
        }

        return largest;
    }
}
