using System.Globalization;

namespace CrmKit.Hosting.Scheduling;

/// <summary>
/// Once a day at a local time of day in a time zone. A time that falls in a daylight-saving gap runs
/// as if the clocks had not yet moved (02:30 in a skipped 02:00–03:00 hour runs at 03:30); a time that
/// occurs twice when the clocks go back runs once, at its first occurrence.
/// </summary>
internal sealed class DailySchedule(TimeOnly at, TimeZoneInfo zone) : JobSchedule
{
    private static readonly string[] Formats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    internal TimeOnly At { get; } = at;

    internal TimeZoneInfo Zone { get; } = zone;

    internal static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    internal override DateTimeOffset Next(DateTimeOffset previous, DateTimeOffset after)
    {
        var today = LocalDate(after);
        for (var day = -1; day <= 3; day++)
        {
            var candidate = On(today.AddDays(day));
            if (candidate > after) return candidate;
        }
        throw new InvalidOperationException($"No daily occurrence of {At} in {Zone.Id} follows {after:O}.");
    }

    internal override DateTimeOffset? MissedSince(DateTimeOffset? lastCompleted, DateTimeOffset now)
    {
        if (lastCompleted is null) return null;
        var today = LocalDate(now);
        for (var day = 1; day >= -3; day--)
        {
            var candidate = On(today.AddDays(day));
            if (candidate <= now) return candidate > lastCompleted ? candidate : null;
        }
        return null;
    }

    /// <summary>The instant of this schedule on a local date.</summary>
    internal DateTimeOffset On(DateOnly date)
    {
        var local = date.ToDateTime(At, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
            return new DateTimeOffset(local, Zone.GetUtcOffset(local.AddDays(-1))).ToOffset(Zone.GetUtcOffset(local.AddDays(1)));
        if (Zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, Zone.GetAmbiguousTimeOffsets(local).Max());
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    internal override DateTimeOffset CoveredFrom(DateTimeOffset due) => due;

    internal override JobScheduleOptions ToOptions(string job) =>
        new() { Job = job, At = At.ToString("HH:mm:ss", CultureInfo.InvariantCulture), TimeZone = Zone.Id };

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
