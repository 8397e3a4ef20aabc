namespace CrmKit.Reports;

/// <summary>
/// What an HTML report covers: its title, the period that flows, segment sizes, cohorts and rates are
/// counted over, and the time zone whose calendar draws the day, week and month boundaries.
/// Immutable; the defaults give the twelve calendar months up to and including today, in UTC.
/// </summary>
public sealed record ReportOptions
{
    /// <summary>The page's title. Default <c>Customer report</c>.</summary>
    public string Title { get; init; } = "Customer report";

    /// <summary>
    /// The start of the period (inclusive). Default: the first day of the month eleven months before
    /// the month of the period's last day, at midnight in <see cref="TimeZone"/>, so the period holds twelve calendar months.
    /// </summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>
    /// The end of the period (exclusive). Default: the next midnight in <see cref="TimeZone"/> after now (from the
    /// database's <see cref="CrmOptions.TimeProvider"/>), so everything recorded so far, today included, counts.
    /// </summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The time zone of calendar boundaries (days, weeks starting on Monday, months). Default UTC.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>How many of the customers with the highest lifetime value are listed, 0 to 100. Default 10.</summary>
    public int TopCustomers { get; init; } = 10;

    /// <summary>Checks the options; returns the period to report on.</summary>
    /// <exception cref="CrmValidationException">A value is out of range: an empty title or one over 200 characters, an empty or reversed period, or a top list outside 0 to 100.</exception>
    internal (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset now)
    {
        Require.Name(Title, "title", 200);
        if (TimeZone is null) throw new CrmValidationException("timeZone", "is required but was null.");
        if (TopCustomers is < 0 or > 100) throw new CrmValidationException("topCustomers", $"is {TopCustomers}; it must be between 0 and 100.");
        var to = Require.Instant(To ?? NextMidnight(now), "to");
        var from = Require.Instant(From ?? StartOfMonthsBefore(to.AddTicks(-1), 11), "from");
        if (from >= to) throw new CrmValidationException("from", $"{from:o} is not before the end of the period {to:o}.");
        return (from, to);
    }

    private DateTimeOffset NextMidnight(DateTimeOffset instant) =>
        ReportCalendar.AtLocal(TimeZoneInfo.ConvertTime(instant, TimeZone).Date.AddDays(1), TimeZone);

    private DateTimeOffset StartOfMonthsBefore(DateTimeOffset instant, int months)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var first = new DateTime(local.Year, local.Month, 1).AddMonths(-months);
        return ReportCalendar.AtLocal(first, TimeZone);
    }
}
