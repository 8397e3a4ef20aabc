using CrmKit.Value;

namespace CrmKit.TestSupport;

/// <summary>
/// A customer base whose purchases are spread evenly over time: every customer buys at the same
/// steady rate and nobody drops out, the data on which the BG/NBD likelihood has no finite maximum
/// and a fit runs to its parameter bounds.
/// </summary>
/// <remarks>
/// Each customer's first purchase falls on a day drawn uniformly from the window; then one to nine
/// more purchases on days drawn uniformly from the first day to the end of the window, each of 5 to
/// 200 in whole cents. Deterministic for a given seed.
/// </remarks>
internal static class EvenlySpreadBase
{
    public static SummaryColumns Summaries(int customers, DateOnly start, DateOnly end, TimeSpan unit, int seed)
    {
        var random = new Random(seed);
        int length = end.DayNumber - start.DayNumber + 1;
        var days = new List<(int Day, decimal Amount)>();
        var columns = new SummaryColumnsWriter(customers, start, end, unit);
        for (int c = 0; c < customers; c++)
        {
            days.Clear();
            int first = random.Next(length);
            days.Add((first, Amount(random)));
            int more = random.Next(1, 10);
            for (int k = 0; k < more; k++)
            {
                days.Add((first + random.Next(length - first), Amount(random)));
            }

            columns.Add(CustomerBaseSimulator.Code(c), days);
        }

        return columns.ToColumns();
    }

    private static decimal Amount(Random random) => random.Next(500, 20_001) / 100m;
}
