using System.Globalization;
using CrmKit.Value;

namespace CrmKit.Tests.Value;

public class PurchaseSummaryBuilderTests
{
    private static readonly CalibrationWindow Window = new(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31));

    [Fact]
    public void Cdnow_summaries_reproduce_the_published_file_to_two_decimals()
    {
        var byCode = CdnowData.Summaries.ToDictionary(s => s.CustomerCode, StringComparer.Ordinal);
        string[] lines = File.ReadAllLines(CdnowData.PathOf("cdnow_customers_summary_with_transactions.csv"));
        Assert.Equal("ID,x,t_x,T,zbar", lines[0].Trim());
        var mismatches = new List<string>();
        int rows = 0;
        foreach (string line in lines.Skip(1).Where(l => l.Trim().Length > 0))
        {
            rows++;
            string[] f = line.Trim().Split(',');
            string code = CdnowData.Code(int.Parse(f[0], CultureInfo.InvariantCulture));
            PurchaseSummary s = byCode[code];
            string actual = string.Join(',', f[0], s.Frequency.ToString(CultureInfo.InvariantCulture),
                Math.Round(s.Recency, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture),
                Math.Round(s.Age, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture),
                decimal.Round(s.AverageRepeatSpend, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture));
            if (actual != line.Trim())
            {
                mismatches.Add($"expected {line.Trim()} got {actual}");
            }
        }

        Assert.Equal(2357, rows);
        Assert.Equal(2357, byCode.Count);
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(20)));
        Assert.Equal(946, CdnowData.Summaries.Count(s => s.Frequency > 0));
    }

    [Fact]
    public void Same_day_purchases_merge_and_sum()
    {
        var at = new DateTimeOffset(2024, 1, 5, 9, 0, 0, TimeSpan.FromHours(9));
        var log = new[]
        {
            new Purchase("c1", at, 10m),
            new Purchase("c1", at.AddHours(10), 5m),   // 19:00 the same local day
            new Purchase("c1", at.AddDays(14), 20m),
            new Purchase("c1", at.AddDays(14).AddHours(1), 4m),
        };

        PurchaseSummary s = Assert.Single(new PurchaseSummaryBuilder(Window, TimeSpan.FromDays(7)).Build(log));
        Assert.Equal(1, s.Frequency);
        Assert.Equal(2.0, s.Recency, 12);
        Assert.Equal((new DateOnly(2024, 3, 31).DayNumber - new DateOnly(2024, 1, 5).DayNumber) / 7.0, s.Age, 12);
        Assert.Equal(24m, s.AverageRepeatSpend);
        Assert.Equal(39m, s.TotalSpend);
    }

    [Fact]
    public void The_day_is_the_date_in_the_instants_own_offset()
    {
        // 23:30 at +09:00 is 14:30 UTC the same day; 00:30 at -05:00 the next day is another day.
        var log = new[]
        {
            new Purchase("c1", new DateTimeOffset(2024, 2, 1, 23, 30, 0, TimeSpan.FromHours(9)), 1m),
            new Purchase("c1", new DateTimeOffset(2024, 2, 2, 0, 30, 0, TimeSpan.FromHours(-5)), 1m),
        };

        PurchaseSummary s = Assert.Single(new PurchaseSummaryBuilder(Window, TimeSpan.FromDays(1)).Build(log));
        Assert.Equal(1, s.Frequency);
        Assert.Equal(1.0, s.Recency);
    }

    [Fact]
    public void Window_end_is_inclusive_and_purchases_outside_are_ignored()
    {
        var log = new[]
        {
            new Purchase("c1", new DateTimeOffset(2023, 12, 31, 12, 0, 0, TimeSpan.Zero), 100m),
            new Purchase("c1", new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero), 1m),
            new Purchase("c1", new DateTimeOffset(2024, 3, 31, 23, 59, 0, TimeSpan.Zero), 2m),
            new Purchase("c1", new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), 50m),
        };

        PurchaseSummary s = Assert.Single(new PurchaseSummaryBuilder(Window, TimeSpan.FromDays(1)).Build(log));
        Assert.Equal(1, s.Frequency);
        Assert.Equal(30.0, s.Recency);
        Assert.Equal(30.0, s.Age);
        Assert.Equal(2m, s.AverageRepeatSpend);
        Assert.Equal(3m, s.TotalSpend);
    }

    [Fact]
    public void Empty_log_gives_no_summaries()
    {
        Assert.Empty(new PurchaseSummaryBuilder(Window, TimeSpan.FromDays(7)).Build([]));
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.Equal("amount", Assert.ThrowsAny<ArgumentException>(() => new Purchase("c1", at, -1m)).ParamName);
        Assert.Equal("customerCode", Assert.ThrowsAny<ArgumentException>(() => new Purchase(" ", at, 1m)).ParamName);
        Assert.Equal("end", Assert.ThrowsAny<ArgumentException>(() => new CalibrationWindow(new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 31))).ParamName);
        Assert.Equal("unit", Assert.ThrowsAny<ArgumentException>(() => new PurchaseSummaryBuilder(Window, TimeSpan.FromHours(5))).ParamName);
        Assert.Equal("unit", Assert.ThrowsAny<ArgumentException>(() => new PurchaseSummaryBuilder(Window, TimeSpan.Zero)).ParamName);
        Assert.Equal("recency", Assert.ThrowsAny<ArgumentException>(() => new PurchaseSummary("c", 1, double.NaN, 3, 1m, 2m)).ParamName);
        Assert.Equal("age", Assert.ThrowsAny<ArgumentException>(() => new PurchaseSummary("c", 1, 4, 3, 1m, 2m)).ParamName);
        Assert.Equal("purchases", Assert.ThrowsAny<ArgumentException>(() => new PurchaseSummaryBuilder(Window, TimeSpan.FromDays(1)).Build([null!])).ParamName);
    }
}
