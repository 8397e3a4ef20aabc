namespace CrmKit;

/// <summary>
/// When a team works, in a named time zone: working hours per weekday and holidays. Deadlines are
/// counted in its working time. Wall-clock hours are turned into instants in the zone, so a
/// working day that spans a daylight-saving change counts the hours that really passed (a night
/// shift from 00:00 to 06:00 lasts 5 hours on the spring change and 7 on the autumn one), and a
/// day's opening moves with the clock. Immutable and safe to share.
/// </summary>
public sealed class BusinessCalendar
{
    private const int MaxDaysSearched = 3700;
    private readonly WorkingHours[][] _week;
    private readonly HashSet<DateOnly> _holidays;

    /// <summary>Creates a calendar.</summary>
    /// <param name="zone">The zone the hours are in.</param>
    /// <param name="week">The working hours per weekday; a missing day is a day off. Stretches of one day may not overlap.</param>
    /// <param name="holidays">Dates (in the zone) without work.</param>
    /// <exception cref="CrmValidationException">No day has working hours, or a day's stretches overlap.</exception>
    public BusinessCalendar(TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingHours>> week, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(week);
        Zone = zone;
        _week = new WorkingHours[7][];
        for (var d = 0; d < 7; d++)
        {
            var day = (DayOfWeek)d;
            var hours = (week.TryGetValue(day, out var list) ? list ?? [] : []).OrderBy(h => h.Start).ToArray();
            for (var i = 1; i < hours.Length; i++)
            {
                if (hours[i - 1].ToMidnight || hours[i - 1].End > hours[i].Start)
                    throw new CrmValidationException($"calendar.{day}", $"{hours[i - 1]} overlaps {hours[i]}.");
            }
            _week[d] = hours;
        }
        if (_week.All(h => h.Length == 0)) throw new CrmValidationException("calendar", "has no working hours on any day.");
        _holidays = [.. holidays ?? []];
    }

    /// <summary>Monday to Friday, 09:00 to 17:00, in <paramref name="zone"/>.</summary>
    public static BusinessCalendar Weekdays(TimeZoneInfo zone, TimeOnly? start = null, TimeOnly? end = null, IEnumerable<DateOnly>? holidays = null)
    {
        var hours = new WorkingHours(start ?? new(9, 0), end ?? new(17, 0));
        var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, IReadOnlyList<WorkingHours> (_) => [hours]);
        return new(zone, week, holidays);
    }

    /// <summary>Every hour of every day, in <paramref name="zone"/>: deadlines in elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen(TimeZoneInfo zone) =>
        new(zone, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, IReadOnlyList<WorkingHours> (_) => [WorkingHours.AllDay]));

    /// <summary>The zone the hours are in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The holidays.</summary>
    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <summary>The working hours on <paramref name="day"/>, earliest first.</summary>
    public IReadOnlyList<WorkingHours> HoursOn(DayOfWeek day) => _week[(int)day];

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has passed since
    /// <paramref name="start"/>, in the zone's offset. Zero gives <paramref name="start"/> itself; time
    /// that runs out exactly at the end of a stretch gives that end.
    /// </summary>
    /// <exception cref="CrmValidationException">The time is negative, or the calendar has no working time for ten years.</exception>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime)
    {
        if (workingTime < TimeSpan.Zero) throw new CrmValidationException("workingTime", $"{workingTime} is negative.");
        var remaining = workingTime;
        if (remaining == TimeSpan.Zero) return TimeZoneInfo.ConvertTime(start, Zone);
        var date = LocalClock.DateOf(start, Zone);
        for (var day = 0; day < MaxDaysSearched; day++, date = date.AddDays(1))
        {
            foreach (var (open, close) in Stretches(date))
            {
                if (close <= start) continue;
                var from = open > start ? open : start;
                var available = close - from;
                if (remaining <= available) return TimeZoneInfo.ConvertTime(from + remaining, Zone);
                remaining -= available;
            }
        }
        throw new CrmValidationException("calendar", $"has no working time left within {MaxDaysSearched} days of {start:o}.");
    }

    /// <summary>The working time between <paramref name="from"/> and <paramref name="to"/>; zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var last = LocalClock.DateOf(to, Zone);
        for (var date = LocalClock.DateOf(from, Zone); date <= last; date = date.AddDays(1))
        {
            foreach (var (open, close) in Stretches(date))
            {
                var a = open > from ? open : from;
                var b = close < to ? close : to;
                if (b > a) total += b - a;
            }
        }
        return total;
    }

    /// <summary>True when <paramref name="at"/> falls in working time.</summary>
    public bool IsWorking(DateTimeOffset at) => Stretches(LocalClock.DateOf(at, Zone)).Any(s => s.Open <= at && at < s.Close);

    /// <summary>The date's working stretches as instants; none on a holiday.</summary>
    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> Stretches(DateOnly date)
    {
        if (_holidays.Contains(date)) yield break;
        foreach (var hours in _week[(int)date.DayOfWeek])
        {
            var open = LocalClock.At(date, hours.Start, Zone);
            var close = hours.ToMidnight ? LocalClock.At(date.AddDays(1), TimeOnly.MinValue, Zone) : LocalClock.At(date, hours.End, Zone, open);
            if (close > open) yield return (open, close);
        }
    }
}
