using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using CrmKit.Reports;

namespace CrmKit.Tests.Reports;

/// <summary>The report's streaming aggregates equal what a plain computation over everything at once gives.</summary>
public class ReportAggregateProperties
{
    private static readonly TimeZoneInfo[] Zones =
    [
        TimeZoneInfo.Utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
        TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"),
    ];

    [Property(MaxTest = 100)]
    public Property Cohorts_counted_in_any_order_equal_cohorts_counted_per_customer() =>
        Prop.ForAll(Gen.Choose(0, 15).Zip(Gen.Choose(0, 30)).ListOf().Where(l => l.Count <= 80).ToArbitrary(), Gen.Choose(0, 20).Two().ToArbitrary(), (purchases, range) =>
        {
            var (first, last) = (Math.Min(range.Item1, range.Item2), Math.Max(range.Item1, range.Item2));
            var tracker = new CohortTracker();
            foreach (var (customer, month) in purchases) tracker.Add($"客户-{customer}", month);
            var expected = Enumerable.Range(first, last - first + 1).Select(cohort =>
            {
                var members = purchases.GroupBy(p => p.Item1).Where(g => g.Min(p => p.Item2) == cohort).ToArray();
                var active = Enumerable.Range(0, last - cohort + 1).Select(k => (long)members.Count(m => m.Any(p => p.Item2 == cohort + k))).ToArray();
                return (cohort, (long)members.Length, active);
            }).ToArray();
            var actual = tracker.Cohorts(first, last);
            return (actual.Count == expected.Length && actual.Zip(expected).All(p => p.First.Month == p.Second.cohort && p.First.Size == p.Second.Item2 && p.First.Active.SequenceEqual(p.Second.active)))
                .Label($"buyers {tracker.Buyers}");
        });

    [Property(MaxTest = 200)]
    public Property Every_lifetime_value_falls_in_its_bins_edges(decimal value)
    {
        value = Math.Abs(value) % 1_000_000_000m;
        var bin = LifetimeValueBins.BinOf(value);
        return (value >= LifetimeValueBins.LowerEdge(bin) && value < LifetimeValueBins.LowerEdge(bin + 1)).Label($"{value} in bin {bin}");
    }

    [Property(MaxTest = 100)]
    public Property The_bins_count_every_value_once(decimal[] values)
    {
        var bins = new LifetimeValueBins();
        foreach (var v in values) bins.Add(Math.Abs(v) % 1_000_000m);
        return (bins.Bins().Sum(b => b.Count) == values.Length && bins.Total == values.Length).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property The_kept_top_customers_are_the_highest_of_all(int[] values, byte size)
    {
        var top = new TopCustomers(size % 12);
        var all = values.Select((v, i) => (Code: $"C{i % 7}-{i}", Value: (decimal)(v % 50))).ToArray();
        foreach (var (code, value) in all) top.Offer(code, code, "tier", value);
        var expected = all.OrderByDescending(a => a.Value).ThenBy(a => a.Code, StringComparer.Ordinal).Take(size % 12).Select(a => a.Code);
        return expected.SequenceEqual(top.Highest().Select(e => e.Code)).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property Buckets_cover_the_period_end_to_end_and_hold_each_instant() =>
        Prop.ForAll(Gen.Choose(0, 900).Zip(Gen.Choose(1, 24 * 900)).ToArbitrary(), Gen.Elements(Zones).ToArbitrary(), Gen.Choose(0, 1000).ListOf().ToArbitrary(),
            (period, zone, probes) =>
            {
                var from = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(period.Item1).AddMinutes(period.Item1 * 7);
                var to = from.AddHours(period.Item2);
                var buckets = new TimeBuckets(from, to, zone);
                var contiguous = buckets.Starts[0] == from && buckets.Ends[^1] == to && buckets.Starts.Skip(1).SequenceEqual(buckets.Ends.SkipLast(1))
                    && buckets.Starts.Zip(buckets.Ends).All(b => b.First < b.Second);
                var held = probes.Select(p => from + (to - from) * (p / 1001.0)).All(at =>
                {
                    var i = buckets.IndexOf(at);
                    return i >= 0 && i < buckets.Count && buckets.Starts[i] <= at && at < buckets.Ends[i];
                });
                var unit = (to - from).TotalDays <= 92 ? BucketUnit.Day : (to - from).TotalDays <= 731 ? BucketUnit.Week : BucketUnit.Month;
                return (contiguous && held && buckets.Unit == unit && buckets.IndexOf(from.AddTicks(-1)) == -1).Label($"{from:o} to {to:o} in {zone.Id}: {buckets.Count} {buckets.Unit}s");
            });
}
