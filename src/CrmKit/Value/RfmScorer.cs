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
    public static RfmScore[] Score(IReadOnlyList<PurchaseSummary> customers) => Score(SummaryColumns.From(customers));

    public static RfmScore[] Score(SummaryColumns customers)
    {
        int n = customers.Count;
        var sinceLast = new double[n];
        var frequency = new double[n];
        var monetary = new double[n];
        for (int i = 0; i < n; i++)
        {
            sinceLast[i] = customers.Age[i] - customers.Recency[i];
            frequency[i] = customers.Frequency[i];
            monetary[i] = (double)customers.TotalSpend[i];
        }

        int[] recency = Quintiles(customers.Codes, sinceLast, ascendingIsBetter: true);
        int[] often = Quintiles(customers.Codes, frequency, ascendingIsBetter: false);
        int[] spend = Quintiles(customers.Codes, monetary, ascendingIsBetter: false);
        var scores = new RfmScore[n];
        for (int i = 0; i < n; i++)
        {
            scores[i] = new RfmScore(recency[i], often[i], spend[i]);
        }

        return scores;
    }

    private static int[] Quintiles(string[] codes, double[] values, bool ascendingIsBetter)
    {
        int n = codes.Length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (i, j) =>
        {
            int byMeasure = ascendingIsBetter ? values[i].CompareTo(values[j]) : values[j].CompareTo(values[i]);
            return byMeasure != 0 ? byMeasure : string.CompareOrdinal(codes[i], codes[j]);
        });

        var scores = new int[n];
        for (int rank = 0; rank < n; rank++)
        {
            scores[order[rank]] = 5 - (int)(5L * rank / n);
        }

        return scores;
    }
}
