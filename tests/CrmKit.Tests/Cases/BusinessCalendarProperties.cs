using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Cases;

/// <summary>Working time added and measured back agree in every zone, across daylight-saving changes.</summary>
public class BusinessCalendarProperties
{
    [Property(MaxTest = 300)]
    public Property Working_time_added_is_the_working_time_between() =>
        Prop.ForAll(Generators.Zone.Zip(Generators.NearInstant).ToArbitrary(), Gen.Choose(0, 60 * 24 * 20).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(),
            (start, minutes, weekdays) =>
        {
            var (zone, at) = start;
            var calendar = weekdays ? BusinessCalendar.Weekdays(zone) : BusinessCalendar.AlwaysOpen(zone);
            var span = TimeSpan.FromMinutes(minutes);
            var due = calendar.Add(at, span);
            if (due < at) return false.Label($"due {due:o} before the start {at:o}");
            if (due.Offset != zone.GetUtcOffset(due)) return false.Label($"due {due:o} not in the zone's offset");
            if (!weekdays && due - at != span) return false.Label($"always open, yet {due - at} elapsed for {span}");
            return (calendar.Between(at, due) == span).Label($"{calendar.Between(at, due)} between {at:o} and {due:o}, {span} added");
        });
}
