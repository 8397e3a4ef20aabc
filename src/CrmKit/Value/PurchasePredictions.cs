namespace CrmKit.Value;

/// <summary>
/// The BG/NBD figures of a customer base — probability alive, expected purchases in the next period
/// and discounted expected purchases over the lifetime-value horizon — computed once per distinct
/// (x, t_x, T), since they depend on nothing else.
/// </summary>
/// <remarks>
/// E[Y(t) | x, t_x, T] = E[Y(t) | alive, x, T] · P(alive | x, t_x, T), and the first factor — a
/// hypergeometric series, the costly part — does not depend on t_x. So it is computed once per
/// distinct (x, T) for the next period and each lifetime-value period (while that table stays below
/// a million numbers), and each (x, t_x, T) only adds its P(alive). The figures are the same, bit for
/// bit, as those of <see cref="BgNbdModel.ConditionalExpectedPurchases"/> customer by customer.
/// Holds one index per customer and three numbers per distinct (x, t_x, T).
/// </remarks>
internal sealed class PurchasePredictions
{
    private const int MostCachedExpectations = 1_000_000;

    private readonly int[] groupOf;
    private readonly double[] alive, nextPeriod, lifetime;

    public PurchasePredictions(BgNbdModel model, SummaryColumns customers, double nextPeriodUnits, LifetimeValueOptions lifetimeValue, TimeSpan unit)
    {
        int n = customers.Count;
        groupOf = new int[n];
        // Grouped by sorting the customers by (x, t_x, T), which needs far less memory than a dictionary of a million groups.
        int[] frequency = customers.Frequency;
        double[] recency = customers.Recency, age = customers.Age;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (i, j) =>
            frequency[i] != frequency[j] ? frequency[i].CompareTo(frequency[j])
            : recency[i] != recency[j] ? recency[i].CompareTo(recency[j])
            : age[i].CompareTo(age[j]));
        var first = new List<int>();
        for (int k = 0; k < n; k++)
        {
            int i = order[k];
            if (k == 0 || frequency[i] != frequency[order[k - 1]] || recency[i] != recency[order[k - 1]] || age[i] != age[order[k - 1]])
            {
                first.Add(i);
            }

            groupOf[i] = first.Count - 1;
        }

        order = null;
        double period = ValueUnits.ToUnits(lifetimeValue.Period, unit, nameof(lifetimeValue));
        int columns = lifetimeValue.Periods + 1;
        var rows = new Dictionary<(int X, double Age), int>();
        var ifAlive = new List<double>();
        alive = new double[first.Count];
        nextPeriod = new double[first.Count];
        lifetime = new double[first.Count];
        Span<double> scratch = new double[columns];
        for (int g = 0; g < first.Count; g++)
        {
            int i = first[g];
            int x = frequency[i];
            double t = age[i];
            ReadOnlySpan<double> expected;
            if (rows.TryGetValue((x, t), out int row))
            {
                expected = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ifAlive).Slice(row * columns, columns);
            }
            else
            {
                scratch[0] = model.ExpectedPurchasesIfAlive(nextPeriodUnits, x, t);
                for (int k = 1; k < columns; k++)
                {
                    scratch[k] = model.ExpectedPurchasesIfAlive(k * period, x, t);
                }

                if (ifAlive.Count + columns <= MostCachedExpectations)
                {
                    rows.Add((x, t), rows.Count);
                    ifAlive.AddRange(scratch);
                }

                expected = scratch;
            }

            double p = model.ProbabilityAlive(x, recency[i], t);
            alive[g] = p;
            nextPeriod[g] = expected[0] * p;
            lifetime[g] = Discounted(expected[1..], p, lifetimeValue.DiscountRatePerPeriod);
        }
    }

    /// <summary>Distinct (x, t_x, T) among the customers.</summary>
    public int Groups => alive.Length;

    public double ProbabilityAliveOf(int customer) => alive[groupOf[customer]];

    public double ExpectedPurchasesOf(int customer) => nextPeriod[groupOf[customer]];

    /// <summary>Σ_k (E[Y(k·P)] − E[Y((k−1)·P)]) / (1 + d)^k; times the expected spend, the lifetime value.</summary>
    public double LifetimePurchasesOf(int customer) => lifetime[groupOf[customer]];

    /// <summary>Σ_k (E[Y(k·P)] − E[Y((k−1)·P)]) / (1 + d)^k for one customer (see <see cref="LifetimeValueOptions"/>).</summary>
    public static double DiscountedPurchases(BgNbdModel model, int x, double recency, double age, LifetimeValueOptions options, TimeSpan unit)
    {
        double period = ValueUnits.ToUnits(options.Period, unit, nameof(options));
        var expected = new double[options.Periods];
        for (int k = 1; k <= options.Periods; k++)
        {
            expected[k - 1] = model.ExpectedPurchasesIfAlive(k * period, x, age);
        }

        return Discounted(expected, model.ProbabilityAlive(x, recency, age), options.DiscountRatePerPeriod);
    }

    // expectedIfAlive[k−1] = E[Y(k·P) | alive]; E[Y(k·P)] is that times P(alive).
    private static double Discounted(ReadOnlySpan<double> expectedIfAlive, double probabilityAlive, double rate)
    {
        double discount = 1.0 + rate;
        double previous = 0.0, factor = 1.0, total = 0.0;
        foreach (double ifAlive in expectedIfAlive)
        {
            double cumulative = ifAlive * probabilityAlive;
            factor /= discount;
            // E[Y(t)] never decreases in t; the clamp only absorbs rounding noise between close periods.
            total += Math.Max(0.0, cumulative - previous) * factor;
            previous = Math.Max(previous, cumulative);
        }

        return total;
    }
}
