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
        int[] recency = Quintiles(customers, s => s.Age - s.Recency, ascendingIsBetter: true);
        int[] frequency = Quintiles(customers, s => s.Frequency, ascendingIsBetter: false);
        int[] monetary = Quintiles(customers, s => (double)s.TotalSpend, ascendingIsBetter: false);
        var scores = new RfmScore[customers.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = new RfmScore(recency[i], frequency[i], monetary[i]);
        }

        return scores;
    }

    private static int[] Quintiles(IReadOnlyList<PurchaseSummary> customers, Func<PurchaseSummary, double> measure, bool ascendingIsBetter)
    {
        int n = customers.Count;
        int[] order = Enumerable.Range(0, n).ToArray();
        double[] values = customers.Select(measure).ToArray();
        Array.Sort(order, (i, j) =>
        {
            int byMeasure = ascendingIsBetter ? values[i].CompareTo(values[j]) : values[j].CompareTo(values[i]);
            return byMeasure != 0 ? byMeasure : string.CompareOrdinal(customers[i].CustomerCode, customers[j].CustomerCode);
        });

        var scores = new int[n];
        for (int rank = 0; rank < n; rank++)
        {
            scores[order[rank]] = 5 - (int)(5L * rank / n);
        }

        return scores;
    }
}
