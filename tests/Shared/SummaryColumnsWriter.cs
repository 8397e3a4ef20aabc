using CrmKit.Value;

namespace CrmKit.TestSupport;

/// <summary>
/// Summarises generated customers one at a time into <see cref="SummaryColumns"/>, by the rules of
/// <see cref="PurchaseSummaryBuilder"/> (same-day purchases are one, the first day is not a repeat),
/// so a large simulated base never exists as a purchase log.
/// </summary>
internal sealed class SummaryColumnsWriter(int capacity, DateOnly start, DateOnly end, TimeSpan unit)
{
    // Arrays of the final size, so a million customers are never copied or held twice.
    private string[] codes = new string[capacity];
    private int[] frequency = new int[capacity];
    private double[] recency = new double[capacity], age = new double[capacity], mean = new double[capacity];
    private decimal[] total = new decimal[capacity];
    private int count;

    /// <summary>Adds a customer from its purchases as (day offset from the window start, amount); customers without one are skipped.</summary>
    public void Add(string code, List<(int Day, decimal Amount)> purchases)
    {
        if (purchases.Count == 0)
        {
            return;
        }

        purchases.Sort((x, y) => x.Day.CompareTo(y.Day));
        int first = purchases[0].Day, last = first, distinct = 1;
        decimal sum = 0m, repeat = 0m;
        foreach (var (day, amount) in purchases)
        {
            sum += amount;
            if (day != first)
            {
                repeat += amount;
            }

            if (day != last)
            {
                distinct++;
                last = day;
            }
        }

        double unitDays = unit.TotalDays;
        int x = distinct - 1;
        codes[count] = code;
        frequency[count] = x;
        recency[count] = (last - first) / unitDays;
        age[count] = (end.DayNumber - start.DayNumber - first) / unitDays;
        mean[count] = x == 0 ? 0.0 : (double)(repeat / x);
        total[count] = sum;
        count++;
    }

    public SummaryColumns ToColumns()
    {
        if (count < codes.Length)
        {
            Array.Resize(ref codes, count);
            Array.Resize(ref frequency, count);
            Array.Resize(ref recency, count);
            Array.Resize(ref age, count);
            Array.Resize(ref mean, count);
            Array.Resize(ref total, count);
        }

        return new SummaryColumns(codes, frequency, recency, age, mean, total);
    }
}
