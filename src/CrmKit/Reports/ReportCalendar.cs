using System.Globalization;

namespace CrmKit.Reports;

/// <summary>Calendar arithmetic in the report's time zone: months as numbers, and local midnights as instants.</summary>
internal static class ReportCalendar
{
    /// <summary>The instant of a local date and time in <paramref name="zone"/>; a time the clocks skipped is taken an hour later.</summary>
    internal static DateTimeOffset AtLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The calendar month of <paramref name="instant"/> in <paramref name="zone"/>, as year × 12 + month − 1.</summary>
    internal static int Month(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.Year * 12 + local.Month - 1;
    }

    /// <summary>The first instant of a month numbered as <see cref="Month"/> does.</summary>
    internal static DateTimeOffset MonthStart(int month, TimeZoneInfo zone) => AtLocal(new DateTime(month / 12, month % 12 + 1, 1), zone);

    /// <summary>A month numbered as <see cref="Month"/> does, written <c>2026-03</c>.</summary>
    internal static string MonthLabel(int month) => $"{month / 12:D4}-{month % 12 + 1:D2}";

    /// <summary>An instant's local date in <paramref name="zone"/>, written <c>2026-03-07</c>.</summary>
    internal static string DateLabel(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
