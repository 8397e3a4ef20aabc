using CrmKit.Value;

namespace CrmKit.TestSupport;

/// <summary>
/// Draws a synthetic purchase log from fitted BG/NBD and Gamma-Gamma parameters: a realistic
/// customer base of any size for load tests, benchmarks and checks that a fit recovers its inputs.
/// </summary>
/// <remarks>
/// Each customer makes a first purchase on a day drawn uniformly from the first
/// <c>cohortDays</c> of the window, then buys at rate λ ~ Gamma(r, α) per unit and, after each repeat
/// purchase, drops out with probability p ~ Beta(a, b) (FHL 2005). Each amount is Gamma(p, ν) with
/// ν ~ Gamma(q, γ) per customer, rounded to cents. Deterministic for a given seed.
/// </remarks>
internal static class CustomerBaseSimulator
{
    public static IReadOnlyList<Purchase> Simulate(BgNbdParameters purchases, GammaGammaParameters spend, int customers,
        DateOnly start, DateOnly end, TimeSpan unit, int cohortDays, int seed)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(spend);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentOutOfRangeException.ThrowIfLessThan(cohortDays, 1);
        ValueUnits.CheckUnit(unit);
        var random = new Random(seed);
        var log = new List<Purchase>();
        var days = new List<(int Day, decimal Amount)>();
        for (int c = 0; c < customers; c++)
        {
            string code = Code(c);
            DrawCustomer(random, purchases, spend, start, end, unit, cohortDays, days);
            foreach (var (day, amount) in days)
            {
                log.Add(new Purchase(code, new DateTimeOffset(start.AddDays(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), amount));
            }
        }

        return log;
    }

    /// <summary>The same base as <see cref="Simulate"/>, summarised for the window [start, end] without holding a purchase log.</summary>
    public static SummaryColumns SimulateSummaries(BgNbdParameters purchases, GammaGammaParameters spend, int customers,
        DateOnly start, DateOnly end, TimeSpan unit, int cohortDays, int seed)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(spend);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentOutOfRangeException.ThrowIfLessThan(cohortDays, 1);
        ValueUnits.CheckUnit(unit);
        var random = new Random(seed);
        var days = new List<(int Day, decimal Amount)>();
        var columns = new SummaryColumnsWriter(customers, start, end, unit);
        for (int c = 0; c < customers; c++)
        {
            DrawCustomer(random, purchases, spend, start, end, unit, cohortDays, days);
            columns.Add(Code(c), days);
        }

        return columns.ToColumns();
    }

    internal static string Code(int customer) => "S" + customer.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    // One customer's purchases as (day offset from start, amount), in time order.
    private static void DrawCustomer(Random random, BgNbdParameters purchases, GammaGammaParameters spend,
        DateOnly start, DateOnly end, TimeSpan unit, int cohortDays, List<(int Day, decimal Amount)> days)
    {
        days.Clear();
        double unitDays = unit.TotalDays;
        double horizon = end.DayNumber - start.DayNumber + 1; // in days; purchases strictly before the day after the end
        double lambda = SampleGamma(random, purchases.R) / purchases.Alpha;   // per unit
        double g1 = SampleGamma(random, purchases.A);
        double dropOut = g1 / (g1 + SampleGamma(random, purchases.B));
        double nu = SampleGamma(random, spend.Q) / spend.Gamma;
        double day = random.Next(Math.Min(cohortDays, (int)horizon));
        bool first = true;
        while (day < horizon)
        {
            decimal amount = Math.Round((decimal)(SampleGamma(random, spend.P) / nu), 2);
            days.Add(((int)day, amount));

            // Drop-out can follow a repeat purchase, never the first one.
            if (!first && random.NextDouble() < dropOut)
            {
                break;
            }

            first = false;
            day += -Math.Log(1.0 - random.NextDouble()) / lambda * unitDays;
        }
    }

    // Marsaglia and Tsang (2000), with the boost for shapes below one.
    private static double SampleGamma(Random random, double shape)
    {
        if (shape < 1.0)
        {
            return SampleGamma(random, shape + 1.0) * Math.Pow(random.NextDouble(), 1.0 / shape);
        }

        double d = shape - 1.0 / 3.0, c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = SampleNormal(random);
                v = 1.0 + c * x;
            }
            while (v <= 0.0);

            v = v * v * v;
            double u = random.NextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1.0 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static double SampleNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
