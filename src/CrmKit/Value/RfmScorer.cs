namespace CrmKit.Value;

/// <summary>Assigns <see cref="RfmScore"/>s by quintiles of rank.</summary>
/// <remarks>
/// Customers are ranked best first — recency by time since the last purchase (T − t_x, shortest
/// first), frequency by x, monetary by total spend in the window (largest first) — with equal
/// measures ordered by customer code (ordinal), so equal customers are split deterministically.
/// The customer at 0-based rank i of n scores 5 − ⌊5i/n⌋, so each score holds a fifth (±1) of them.
/// </remarks>
internal static class RfmScorer
{
    public static RfmScore[] Score(IReadOnlyList<PurchaseSummary> customers)
    {
        var columns = SummaryColumns.From(customers);
        return Score(columns, CodeOrder.Ranks(columns.Codes, out _));
    }

    /// <param name="customers">The customers.</param>
    /// <param name="codeRanks">Each customer's position in the ordinal order of codes (<see cref="CodeOrder.Ranks"/>).</param>
    public static RfmScore[] Score(SummaryColumns customers, int[] codeRanks)
    {
        var (recency, frequency, monetary) = Quintiles(customers, codeRanks);
        var scores = new RfmScore[customers.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = new RfmScore(recency[i], frequency[i], monetary[i]);
        }

        return scores;
    }

    /// <summary>The three quintile scores of each customer, one byte each, for callers that make <see cref="RfmScore"/>s only as they need them.</summary>
    public static (byte[] Recency, byte[] Frequency, byte[] Monetary) Quintiles(SummaryColumns customers, int[] codeRanks)
    {
        int n = customers.Count;
        var measure = new double[n];
        for (int i = 0; i < n; i++)
        {
            measure[i] = customers.Age[i] - customers.Recency[i];
        }

        byte[] recency = Quintiles(codeRanks, measure, ascendingIsBetter: true);
        for (int i = 0; i < n; i++)
        {
            measure[i] = customers.Frequency[i];
        }

        byte[] frequency = Quintiles(codeRanks, measure, ascendingIsBetter: false);
        for (int i = 0; i < n; i++)
        {
            measure[i] = (double)customers.TotalSpend[i];
        }

        return (recency, frequency, Quintiles(codeRanks, measure, ascendingIsBetter: false));
    }

    private static byte[] Quintiles(int[] codeRanks, double[] values, bool ascendingIsBetter)
    {
        int n = codeRanks.Length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (i, j) =>
        {
            int byMeasure = ascendingIsBetter ? values[i].CompareTo(values[j]) : values[j].CompareTo(values[i]);
            return byMeasure != 0 ? byMeasure : codeRanks[i].CompareTo(codeRanks[j]);
        });

        var scores = new byte[n];
        for (int rank = 0; rank < n; rank++)
        {
            scores[order[rank]] = (byte)(5 - (int)(5L * rank / n));
        }

        return scores;
    }
}
