namespace CrmKit.Hosting.Scheduling;

/// <summary>
/// Every fixed interval, counted from the previous due instant. A host that restarts after a due
/// instant was missed runs once at start, then every interval from then on.
/// </summary>
internal sealed class IntervalSchedule(TimeSpan interval) : JobSchedule
{
    internal static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    internal TimeSpan Interval { get; } = interval;

    internal override DateTimeOffset Next(DateTimeOffset previous, DateTimeOffset after)
    {
        if (previous > after) return previous;
        var steps = (after - previous).Ticks / Interval.Ticks + 1;
        return previous + TimeSpan.FromTicks(steps * Interval.Ticks);
    }

    internal override DateTimeOffset? MissedSince(DateTimeOffset? lastCompleted, DateTimeOffset now) =>
        lastCompleted is { } last && last + Interval <= now ? now : null;

    // Instances started at different moments keep different phases: a run of any of them within the last interval covers this one.
    internal override DateTimeOffset CoveredFrom(DateTimeOffset due) => due - Interval + TimeSpan.FromTicks(1);

    internal override JobScheduleOptions ToOptions(string job) => new() { Job = job, Every = Interval };
}
