using System.Globalization;

namespace CrmKit.Hosting.Scheduling;

/// <summary>When a job runs: create one with <see cref="Daily.At"/> or <see cref="Every.Interval"/>. Immutable.</summary>
public abstract class JobSchedule
{
    private protected JobSchedule()
    {
    }

    /// <summary>The first due instant strictly after <paramref name="after"/>; <paramref name="previous"/> is the last due instant, which anchors intervals.</summary>
    internal abstract DateTimeOffset Next(DateTimeOffset previous, DateTimeOffset after);

    /// <summary>The latest due instant at or before <paramref name="now"/> that a restarted host should catch up on, or null.</summary>
    internal abstract DateTimeOffset? MissedSince(DateTimeOffset? lastCompleted, DateTimeOffset now);

    /// <summary>
    /// The earliest due instant of a completed run that makes the run due at <paramref name="due"/>
    /// needless: another instance sharing the database ran it (or, for an interval, ran one within the interval).
    /// </summary>
    internal abstract DateTimeOffset CoveredFrom(DateTimeOffset due);

    internal abstract JobScheduleOptions ToOptions(string job);

    /// <summary>Reads a configured schedule; <paramref name="error"/> names the bad value (without the option path) when it fails.</summary>
    internal static JobSchedule? TryCreate(JobScheduleOptions options, out string? error)
    {
        error = null;
        if (options.At is not null && options.Every is not null)
        {
            error = " has both At and Every; give one of them";
            return null;
        }
        if (options.Every is { } every)
        {
            if (every < IntervalSchedule.Shortest)
            {
                error = string.Create(CultureInfo.InvariantCulture, $":Every must be at least 1 second but was '{every}'");
                return null;
            }
            return new IntervalSchedule(every);
        }
        if (options.At is null)
        {
            error = " needs At (a daily time of day) or Every (an interval)";
            return null;
        }
        if (!DailySchedule.TryParseTime(options.At, out var at))
        {
            error = $":At '{options.At}' is not a time of day";
            return null;
        }
        var zoneId = options.TimeZone ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            error = $":TimeZone '{zoneId}' is not a known time zone";
            return null;
        }
        return new DailySchedule(at, zone);
    }
}
