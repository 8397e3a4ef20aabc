using CrmKit.Value;
using FsCheck;
using FsCheck.Fluent;

namespace CrmKit.Tests.Value;

/// <summary>A small purchase log, its calibration window and time unit.</summary>
public sealed record SmallLog(Purchase[] Purchases, CalibrationWindow Window, TimeSpan Unit)
{
    public override string ToString() =>
        $"window {Window.Start:yyyy-MM-dd}..{Window.End:yyyy-MM-dd}, unit {Unit.TotalDays} day(s): "
        + string.Join("; ", Purchases.Select(p => $"{p.CustomerCode} {p.Day:yyyy-MM-dd} {p.Amount}"));
}

/// <summary>
/// Small purchase logs of the kinds that strain a maximum-likelihood fit: few customers, few repeat
/// purchases, everyone buying recently, nobody dropping out, equal amounts, zero amounts.
/// </summary>
public static class SmallPurchaseLogs
{
    private static readonly DateOnly End = new(2025, 12, 31);

    public static Arbitrary<SmallLog> Logs() => Arb.From(
        from customers in Gen.Choose(1, 12)
        from windowDays in Gen.Elements(7, 30, 90, 365)
        from recentDays in Gen.Elements(1, 3, 14, 365)
        from weeks in Gen.Elements(true, false)
        from sameAmounts in Gen.Elements(true, false)
        from histories in History(Math.Min(windowDays, recentDays), sameAmounts).ArrayOf(customers)
        select new SmallLog(
            histories.SelectMany((days, c) => days.Select(d => new Purchase(
                "C" + c.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new DateTimeOffset(End.AddDays(-d.DaysAgo).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                d.Amount))).ToArray(),
            new CalibrationWindow(End.AddDays(1 - windowDays), End),
            TimeSpan.FromDays(weeks ? 7 : 1)));

    // One customer's purchase days, within the last `span` days, and amounts.
    private static Gen<(int DaysAgo, decimal Amount)[]> History(int span, bool sameAmounts) =>
        from count in Gen.Frequency((3, Gen.Choose(1, 2)), (2, Gen.Choose(3, 6)), (1, Gen.Choose(7, 30)))
        from days in Gen.Choose(0, span - 1).ArrayOf(count)
        from amounts in Gen.Elements(0m, 5m, 20m, 99.99m, 1500m).ArrayOf(count)
        select days.Select((d, i) => (d, sameAmounts ? 20m : amounts[i])).ToArray();
}
