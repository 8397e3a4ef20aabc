namespace CrmKit.Value;

/// <summary>
/// Turns a purchase log into one <see cref="PurchaseSummary"/> per customer for a calibration window.
/// </summary>
/// <remarks>
/// <para>Rules, matching the customer-base-analysis literature (Fader, Hardie and Lee 2005):</para>
/// <list type="bullet">
/// <item>Only purchases whose day lies in the window count; earlier and later ones are ignored.</item>
/// <item>Purchases on the same day (the calendar date of the instant in its own offset) are one purchase whose amount is their sum.</item>
/// <item>x = purchase days − 1; t_x = (last day − first day) / unit; T = (window end − first day) / unit.</item>
/// <item>z̄ = mean amount of the repeat purchase days, the first day excluded; 0 when x = 0.</item>
/// </list>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class PurchaseSummaryBuilder
{
    /// <summary>Creates a builder for <paramref name="window"/> measuring time in <paramref name="unit"/>.</summary>
    /// <param name="window">The calibration window.</param>
    /// <param name="unit">The model time unit, a whole number of days, for example <c>TimeSpan.FromDays(7)</c> for weeks.</param>
    /// <exception cref="ArgumentException">The unit is not a positive whole number of days.</exception>
    public PurchaseSummaryBuilder(CalibrationWindow window, TimeSpan unit)
    {
        ArgumentNullException.ThrowIfNull(window);
        ValueUnits.CheckUnit(unit);
        Window = window;
        Unit = unit;
    }

    /// <summary>The calibration window.</summary>
    public CalibrationWindow Window { get; }

    /// <summary>The model time unit.</summary>
    public TimeSpan Unit { get; }

    /// <summary>Summarises every customer with at least one purchase in the window, ordered by customer code (ordinal).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="purchases"/> or one of its items is null.</exception>
    public IReadOnlyList<PurchaseSummary> Build(IEnumerable<Purchase> purchases)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var days = new Dictionary<string, SortedDictionary<DateOnly, decimal>>(StringComparer.Ordinal);
        foreach (Purchase? purchase in purchases)
        {
            if (purchase is null)
            {
                throw new ArgumentNullException(nameof(purchases), "The purchase log contains a null purchase.");
            }

            DateOnly day = purchase.Day;
            if (!Window.Contains(day))
            {
                continue;
            }

            if (!days.TryGetValue(purchase.CustomerCode, out var perDay))
            {
                perDay = [];
                days.Add(purchase.CustomerCode, perDay);
            }

            perDay[day] = perDay.GetValueOrDefault(day) + purchase.Amount;
        }

        var summaries = new List<PurchaseSummary>(days.Count);
        foreach (var (code, perDay) in days.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            summaries.Add(Summarise(code, perDay));
        }

        return summaries;
    }

    private PurchaseSummary Summarise(string code, SortedDictionary<DateOnly, decimal> perDay)
    {
        DateOnly first = perDay.Keys.First();
        DateOnly last = first;
        decimal total = 0m;
        decimal repeatTotal = 0m;
        foreach (var (day, amount) in perDay)
        {
            total += amount;
            if (day != first)
            {
                repeatTotal += amount;
            }

            last = day;
        }

        int frequency = perDay.Count - 1;
        double unitDays = Unit.TotalDays;
        double recency = (last.DayNumber - first.DayNumber) / unitDays;
        double age = (Window.End.DayNumber - first.DayNumber) / unitDays;
        decimal averageRepeat = frequency == 0 ? 0m : repeatTotal / frequency;
        return new PurchaseSummary(code, frequency, recency, age, averageRepeat, total);
    }
}
