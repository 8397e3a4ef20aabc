namespace CrmKit;

/// <summary>Local dates and times in a customer's zone turned into instants, safely across daylight-saving changes.</summary>
internal static class LocalClock
{
    /// <summary>
    /// The instant at which the wall clock in <paramref name="zone"/> shows <paramref name="time"/> on
    /// <paramref name="date"/>. A time skipped by a spring-forward gap becomes the first minute
    /// after the gap; a time repeated in the autumn becomes its earlier occurrence, or the later
    /// one when the earlier is before <paramref name="notBefore"/>.
    /// </summary>
    internal static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone, DateTimeOffset? notBefore = null)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 24 * 60) local = local.AddMinutes(1);
        if (!zone.IsAmbiguousTime(local)) return new DateTimeOffset(local, zone.GetUtcOffset(local));
        var occurrences = zone.GetAmbiguousTimeOffsets(local).Select(o => new DateTimeOffset(local, o)).OrderBy(i => i.UtcTicks).ToArray();
        return occurrences.FirstOrDefault(i => notBefore is null || i >= notBefore.Value, occurrences[^1]);
    }

    /// <summary>The calendar date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    internal static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The date's month and day in <paramref name="year"/>; 29 February becomes 28 February in common years.</summary>
    internal static DateOnly InYear(int month, int day, int year) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    /// <summary>The next date on or after <paramref name="from"/> with the given month and day.</summary>
    internal static DateOnly NextAnnual(int month, int day, DateOnly from)
    {
        var thisYear = InYear(month, day, from.Year);
        return thisYear >= from ? thisYear : InYear(month, day, from.Year + 1);
    }
}
