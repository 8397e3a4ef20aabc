namespace CrmKit;

/// <summary>The count, mean, median and longest of a set of durations.</summary>
/// <param name="Count">How many durations.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="Median">Their median (the mean of the middle two for an even count).</param>
/// <param name="Longest">The longest.</param>
public sealed record DurationSummary(int Count, TimeSpan Mean, TimeSpan Median, TimeSpan Longest)
{
    internal static DurationSummary? Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mean = TimeSpan.FromTicks((long)sorted.Average(d => (decimal)d.Ticks));
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : TimeSpan.FromTicks((sorted[mid - 1].Ticks + sorted[mid].Ticks) / 2);
        return new(sorted.Length, mean, median, sorted[^1]);
    }
}
