using CrmKit.Value;

namespace CrmKit.TestSupport;

/// <summary>
/// Summarises generated customers one at a time into <see cref="SummaryColumns"/>, by the rules of
/// <see cref="PurchaseSummaryBuilder"/> (same-day purchases are one, the first day is not a repeat),
/// so a large simulated base never exists as a purchase log.
/// </summary>
internal sealed class SummaryColumnsWriter(int capacity, DateOnly start, DateOnly end, TimeSpan unit)
{
    private readonly List<string> codes = new(capacity);
    private readonly List<int> frequency = new(capacity);
    private readonly List<double> recency = new(capacity), age = new(capacity), mean = new(capacity);
    private readonly List<decimal> total = new(capacity);

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
        codes.Add(code);
        frequency.Add(x);
        recency.Add((last - first) / unitDays);
        age.Add((end.DayNumber - start.DayNumber - first) / unitDays);
        mean.Add(x == 0 ? 0.0 : (double)(repeat / x));
        total.Add(sum);
    }

    public SummaryColumns ToColumns() =>
        new([.. codes], [.. frequency], [.. recency], [.. age], [.. mean], [.. total]);
}
