namespace CrmKit.Hosting.Scheduling;

/// <summary>Repeating schedules: <c>Every.Minutes(15)</c>, <c>Every.Interval(TimeSpan.FromHours(2))</c>.</summary>
public static class Every
{
    /// <summary>Every <paramref name="interval"/>, at least 1 second, counted from the previous run's due instant.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is shorter than 1 second.</exception>
    public static JobSchedule Interval(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, IntervalSchedule.Shortest);
        return new IntervalSchedule(interval);
    }

    /// <summary>Every <paramref name="minutes"/> minutes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is not positive.</exception>
    public static JobSchedule Minutes(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutes);
        return Interval(TimeSpan.FromMinutes(minutes));
    }

    /// <summary>Every <paramref name="hours"/> hours.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is not positive.</exception>
    public static JobSchedule Hours(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hours);
        return Interval(TimeSpan.FromHours(hours));
    }
}
