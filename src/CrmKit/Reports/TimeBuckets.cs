namespace CrmKit.Reports;

/// <summary>How long one bucket of a time series is.</summary>
internal enum BucketUnit
{
    Day,
    Week,
    Month,
}

/// <summary>
/// A period cut at calendar boundaries of the report's time zone: days for a period of up to 92
/// days, weeks (from Monday) up to two years, months beyond. The first bucket starts at the
/// period's start and the last ends at its end, so either may be shorter than the unit.
/// </summary>
internal sealed class TimeBuckets
{
    private readonly long[] _starts;
    private readonly TimeZoneInfo _zone;

    internal TimeBuckets(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        _zone = zone;
        var length = to - from;
        Unit = length <= TimeSpan.FromDays(92) ? BucketUnit.Day : length <= TimeSpan.FromDays(731) ? BucketUnit.Week : BucketUnit.Month;
        var starts = new List<DateTimeOffset> { from };
        for (var next = NextBoundary(from); next < to; next = NextBoundary(next)) starts.Add(next);
        Starts = starts;
        Ends = [.. starts.Skip(1), to];
        _starts = starts.Select(s => s.UtcTicks).ToArray();
    }

    internal BucketUnit Unit { get; }

    /// <summary>Where each bucket starts.</summary>
    internal IReadOnlyList<DateTimeOffset> Starts { get; }

    /// <summary>Where each bucket ends (exclusive): the next one's start, or the period's end.</summary>
    internal IReadOnlyList<DateTimeOffset> Ends { get; }

    internal int Count => _starts.Length;

    /// <summary>The bucket holding <paramref name="at"/>: −1 before the period; <see cref="Count"/> − 1 or more is the caller's to check against the end.</summary>
    internal int IndexOf(DateTimeOffset at)
    {
        var i = Array.BinarySearch(_starts, at.UtcTicks);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The label of a bucket: its last day for days and weeks (the day a size is read at), its month for months.</summary>
    internal string Label(int bucket) => Unit == BucketUnit.Month
        ? ReportCalendar.MonthLabel(ReportCalendar.Month(Starts[bucket], _zone))
        : ReportCalendar.DateLabel(Ends[bucket].AddTicks(-1), _zone);

    private DateTimeOffset NextBoundary(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone).DateTime.Date;
        var next = Unit switch
        {
            BucketUnit.Day => local.AddDays(1),
            BucketUnit.Week => local.AddDays(((int)DayOfWeek.Monday - (int)local.DayOfWeek + 6) % 7 + 1),
            _ => new DateTime(local.Year, local.Month, 1).AddMonths(1),
        };
        return ReportCalendar.AtLocal(next, _zone);
    }
}
