namespace CrmKit.Tests.Cases;

/// <summary>Working-time deadlines in named zones, across daylight-saving changes and holidays.</summary>
public class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    // Friday 16:00 + 4 working hours (09–17): one hour on Friday, three on Monday, whose offset changed over the weekend.
    [InlineData("Europe/Berlin", "2026-03-27T16:00:00+01:00", "2026-03-30T12:00:00+02:00")]
    [InlineData("Europe/Berlin", "2026-10-23T16:00:00+02:00", "2026-10-26T12:00:00+01:00")]
    [InlineData("America/New_York", "2026-03-06T16:00:00-05:00", "2026-03-09T12:00:00-04:00")]
    [InlineData("America/New_York", "2026-10-30T16:00:00-04:00", "2026-11-02T12:00:00-05:00")]
    public void Working_hours_over_a_daylight_saving_weekend_start_at_local_nine(string zone, string opened, string due)
    {
        var calendar = BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById(zone));
        var result = calendar.Add(DateTimeOffset.Parse(opened), TimeSpan.FromHours(4));
        Assert.Equal(DateTimeOffset.Parse(due), result);
        Assert.Equal(DateTimeOffset.Parse(due).Offset, result.Offset);
        Assert.Equal(TimeSpan.FromHours(4), calendar.Between(DateTimeOffset.Parse(opened), result));
    }

    [Fact]
    public void An_always_open_calendar_counts_the_hours_that_really_pass()
    {
        var berlin = BusinessCalendar.AlwaysOpen(Berlin);
        Assert.Equal(TimeSpan.FromHours(47), berlin.Between(DateTimeOffset.Parse("2026-03-28T00:00:00+01:00"), DateTimeOffset.Parse("2026-03-30T00:00:00+02:00")));
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T13:00:00+02:00"), berlin.Add(DateTimeOffset.Parse("2026-03-28T12:00:00+01:00"), TimeSpan.FromHours(24)));
        var newYork = BusinessCalendar.AlwaysOpen(NewYork);
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T11:00:00-05:00"), newYork.Add(DateTimeOffset.Parse("2026-10-31T12:00:00-04:00"), TimeSpan.FromHours(24)));
        Assert.Equal(TimeSpan.FromHours(49), newYork.Between(DateTimeOffset.Parse("2026-10-31T00:00:00-04:00"), DateTimeOffset.Parse("2026-11-02T00:00:00-05:00")));
    }

    [Fact]
    public void A_night_shift_over_the_change_lasts_five_or_seven_hours()
    {
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>> { [DayOfWeek.Sunday] = [new(new(0, 0), new(6, 0))] };
        var berlin = new BusinessCalendar(Berlin, week);
        Assert.Equal(TimeSpan.FromHours(5), berlin.Between(DateTimeOffset.Parse("2026-03-28T12:00:00+01:00"), DateTimeOffset.Parse("2026-03-30T00:00:00+02:00")));
        var newYork = new BusinessCalendar(NewYork, week);
        Assert.Equal(TimeSpan.FromHours(7), newYork.Between(DateTimeOffset.Parse("2026-10-31T12:00:00-04:00"), DateTimeOffset.Parse("2026-11-02T00:00:00-05:00")));
        // Six hours from the start of the autumn shift end at local 05:00, after the repeated hour.
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T05:00:00-05:00"), newYork.Add(DateTimeOffset.Parse("2026-11-01T00:00:00-04:00"), TimeSpan.FromHours(6)));
    }

    [Fact]
    public void Holidays_days_off_and_split_days_are_skipped()
    {
        var calendar = BusinessCalendar.Weekdays(Berlin, holidays: [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)]);
        // Thursday 24 December 16:30 + 2 h: half an hour that day, then Tuesday 29 December 10:30.
        Assert.Equal(DateTimeOffset.Parse("2026-12-29T10:30:00+01:00"), calendar.Add(DateTimeOffset.Parse("2026-12-24T16:30:00+01:00"), TimeSpan.FromHours(2)));
        // Time running out exactly at closing gives closing, not the next morning.
        Assert.Equal(DateTimeOffset.Parse("2026-12-24T17:00:00+01:00"), calendar.Add(DateTimeOffset.Parse("2026-12-24T16:30:00+01:00"), TimeSpan.FromMinutes(30)));
        // A start outside working hours waits for the opening.
        Assert.Equal(DateTimeOffset.Parse("2026-12-29T09:10:00+01:00"), calendar.Add(DateTimeOffset.Parse("2026-12-26T03:00:00+01:00"), TimeSpan.FromMinutes(10)));

        var split = new BusinessCalendar(Berlin, new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>
        {
            [DayOfWeek.Monday] = [new(new(14, 0), new(18, 0)), new(new(8, 0), new(12, 0))],
        });
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T15:00:00+01:00"), split.Add(DateTimeOffset.Parse("2026-11-30T11:00:00+01:00"), TimeSpan.FromHours(2)));
        Assert.True(split.IsWorking(DateTimeOffset.Parse("2026-11-30T08:00:00+01:00")));
        Assert.False(split.IsWorking(DateTimeOffset.Parse("2026-11-30T12:00:00+01:00")));
    }

    [Fact]
    public void A_calendar_without_hours_or_with_overlaps_is_refused()
    {
        Assert.Equal("calendar", Assert.Throws<CrmValidationException>(() => new BusinessCalendar(Berlin, new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>())).Field);
        Assert.Equal("calendar.Monday", Assert.Throws<CrmValidationException>(() => new BusinessCalendar(Berlin, new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>
        {
            [DayOfWeek.Monday] = [new(new(8, 0), new(12, 0)), new(new(11, 0), new(13, 0))],
        })).Field);
        Assert.Equal("workingHours.end", Assert.Throws<CrmValidationException>(() => new WorkingHours(new(9, 0), new(8, 0))).Field);
        Assert.Throws<CrmValidationException>(() => BusinessCalendar.Weekdays(Berlin).Add(DateTimeOffset.Parse("2026-11-30T11:00:00+01:00"), TimeSpan.FromHours(-1)));
    }
}
