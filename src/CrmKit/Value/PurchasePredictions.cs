namespace CrmKit.Value;

/// <summary>
/// The BG/NBD figures of a customer base — probability alive, expected purchases in the next period
/// and discounted expected purchases over the lifetime-value horizon — computed once per distinct
/// (x, t_x, T), since they depend on nothing else.
/// </summary>
/// <remarks>Holds one index per customer and three numbers per distinct (x, t_x, T).</remarks>
internal sealed class PurchasePredictions
{
    private readonly int[] groupOf;
    private readonly double[] alive, nextPeriod, lifetime;

    public PurchasePredictions(BgNbdModel model, SummaryColumns customers, double nextPeriodUnits, LifetimeValueOptions lifetimeValue, TimeSpan unit)
    {
        int n = customers.Count;
        groupOf = new int[n];
        var groups = new Dictionary<(int X, double Recency, double Age), int>();
        var first = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var key = (customers.Frequency[i], customers.Recency[i], customers.Age[i]);
            if (!groups.TryGetValue(key, out int g))
            {
                g = groups.Count;
                groups.Add(key, g);
                first.Add(i);
            }

            groupOf[i] = g;
        }

        groups.Clear();
        groups.TrimExcess();
        alive = new double[first.Count];
        nextPeriod = new double[first.Count];
        lifetime = new double[first.Count];
        for (int g = 0; g < first.Count; g++)
        {
            int i = first[g];
            int x = customers.Frequency[i];
            double recency = customers.Recency[i], age = customers.Age[i];
            double p = model.ProbabilityAlive(x, recency, age);
            alive[g] = p;
            nextPeriod[g] = model.ExpectedPurchasesIfAlive(nextPeriodUnits, x, age) * p;
            lifetime[g] = DiscountedPurchases(model, x, recency, age, lifetimeValue, unit, p);
        }
    }

    /// <summary>Distinct (x, t_x, T) among the customers.</summary>
    public int Groups => alive.Length;

    public double ProbabilityAliveOf(int customer) => alive[groupOf[customer]];

    public double ExpectedPurchasesOf(int customer) => nextPeriod[groupOf[customer]];

    /// <summary>Σ_k (E[Y(k·P)] − E[Y((k−1)·P)]) / (1 + d)^k; times the expected spend, the lifetime value.</summary>
    public double LifetimePurchasesOf(int customer) => lifetime[groupOf[customer]];

    /// <summary>Σ_k (E[Y(k·P)] − E[Y((k−1)·P)]) / (1 + d)^k for one customer (see <see cref="LifetimeValueOptions"/>).</summary>
    public static double DiscountedPurchases(BgNbdModel model, int x, double recency, double age, LifetimeValueOptions options, TimeSpan unit) =>
        DiscountedPurchases(model, x, recency, age, options, unit, model.ProbabilityAlive(x, recency, age));

    private static double DiscountedPurchases(BgNbdModel model, int x, double recency, double age, LifetimeValueOptions options, TimeSpan unit, double probabilityAlive)
    {
        double period = ValueUnits.ToUnits(options.Period, unit, nameof(options));
        double discount = 1.0 + options.DiscountRatePerPeriod;
        double previous = 0.0, factor = 1.0, total = 0.0;
        for (int k = 1; k <= options.Periods; k++)
        {
            double cumulative = model.ExpectedPurchasesIfAlive(k * period, x, age) * probabilityAlive;
            factor /= discount;
            // E[Y(t)] never decreases in t; the clamp only absorbs rounding noise between close periods.
            total += Math.Max(0.0, cumulative - previous) * factor;
            previous = Math.Max(previous, cumulative);
        }

        return total;
    }
}
