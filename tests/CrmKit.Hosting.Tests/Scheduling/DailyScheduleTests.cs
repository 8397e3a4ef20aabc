using CrmKit.Hosting.Scheduling;

namespace CrmKit.Hosting.Tests.Scheduling;

public class DailyScheduleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_time_in_the_skipped_hour_runs_as_if_the_clocks_had_not_moved()
    {
        var schedule = new DailySchedule(new TimeOnly(2, 30), Paris);

        var onGapDay = schedule.On(new DateOnly(2026, 3, 29));

        Assert.Equal(Utc(3, 29, 1, 30), onGapDay);
        Assert.Equal(TimeSpan.FromHours(2), onGapDay.Offset);
        Assert.Equal(new TimeOnly(3, 30), TimeOnly.FromDateTime(onGapDay.DateTime));
    }

    [Fact]
    public void A_time_that_occurs_twice_runs_once_at_its_first_occurrence()
    {
        var schedule = new DailySchedule(new TimeOnly(2, 30), Paris);

        var first = schedule.Next(default, Utc(10, 24, 12));
        var second = schedule.Next(first, first);

        Assert.Equal(Utc(10, 25, 0, 30), first);
        Assert.Equal(Utc(10, 26, 1, 30), second);
    }

    [Fact]
    public void Missed_run_is_the_most_recent_due_instant_after_the_last_completed_one()
    {
        var schedule = new DailySchedule(new TimeOnly(6, 0), TimeZoneInfo.Utc);

        Assert.Equal(Utc(5, 3, 6), schedule.MissedSince(Utc(5, 1, 6), Utc(5, 3, 9)));
        Assert.Null(schedule.MissedSince(Utc(5, 3, 6), Utc(5, 3, 9)));
        Assert.Null(schedule.MissedSince(null, Utc(5, 3, 9)));
    }

    [Fact]
    public void Interval_runs_count_from_the_previous_due_instant_and_skip_what_is_past()
    {
        var schedule = Every.Minutes(10);

        Assert.Equal(Utc(1, 1, 0, 10), Assert.IsType<IntervalSchedule>(schedule).Next(Utc(1, 1, 0), Utc(1, 1, 0)));
        Assert.Equal(Utc(1, 1, 0, 40), ((IntervalSchedule)schedule).Next(Utc(1, 1, 0), Utc(1, 1, 0, 35)));
    }

    [Fact]
    public void Daily_at_rejects_a_bad_time_and_an_unknown_zone_naming_the_value()
    {
        Assert.Contains("'25:00' is not a time of day", Assert.Throws<ArgumentException>(() => Daily.At("25:00")).Message);
        Assert.Contains("'Mars/Olympus' is not a known time zone", Assert.Throws<ArgumentException>(() => Daily.At("06:00", "Mars/Olympus")).Message);
    }
}
