using System.Globalization;

namespace CrmKit;

/// <summary>
/// How rates are split into rows: not at all, or by segment, owner, channel, campaign or calendar
/// period (in a named time zone, so a period boundary is the local midnight). Immutable.
/// </summary>
public sealed record RateCut
{
    /// <summary>The row label for an event with no value on the cut's dimension.</summary>
    public const string None = "(none)";

    private RateCut(RateDimension dimension, RatePeriod period, TimeZoneInfo? zone)
    {
        Dimension = dimension;
        Period = period;
        Zone = zone;
    }

    /// <summary>What the rows are split by.</summary>
    public RateDimension Dimension { get; }

    /// <summary>The period length, for <see cref="RateDimension.Period"/>.</summary>
    public RatePeriod Period { get; }

    /// <summary>The time zone periods are counted in, for <see cref="RateDimension.Period"/>.</summary>
    public TimeZoneInfo? Zone { get; }

    /// <summary>One row for everything.</summary>
    public static RateCut All { get; } = new(RateDimension.All, default, null);

    /// <summary>A row per segment.</summary>
    public static RateCut BySegment { get; } = new(RateDimension.Segment, default, null);

    /// <summary>A row per owner.</summary>
    public static RateCut ByOwner { get; } = new(RateDimension.Owner, default, null);

    /// <summary>A row per channel.</summary>
    public static RateCut ByChannel { get; } = new(RateDimension.Channel, default, null);

    /// <summary>A row per campaign.</summary>
    public static RateCut ByCampaign { get; } = new(RateDimension.Campaign, default, null);

    /// <summary>A row per calendar <paramref name="period"/> in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="CrmValidationException"><paramref name="period"/> is not a period.</exception>
    public static RateCut ByPeriod(RatePeriod period, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Enum.IsDefined(period)) throw new CrmValidationException("cut.period", $"{(int)period} is not a period.");
        return new(RateDimension.Period, period, zone);
    }

    /// <summary>The row labels an event at <paramref name="at"/> with <paramref name="context"/> counts under.</summary>
    internal IEnumerable<string> Keys(DateTimeOffset at, RateContext context) => Dimension switch
    {
        RateDimension.All => ["all"],
        RateDimension.Segment => context.Segments is { Count: > 0 } segments ? segments.Distinct(StringComparer.Ordinal) : [None],
        RateDimension.Owner => [context.Owner ?? None],
        RateDimension.Channel => [context.Channel?.Name ?? None],
        RateDimension.Campaign => [context.Campaign ?? None],
        _ => [Label(LocalClock.DateOf(at, Zone!))],
    };

    /// <summary>The label of the period containing <paramref name="date"/>.</summary>
    internal string Label(DateOnly date) => Period switch
    {
        RatePeriod.Day => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RatePeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)):00}"),
        RatePeriod.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        RatePeriod.Quarter => string.Create(CultureInfo.InvariantCulture, $"{date.Year}-Q{(date.Month + 2) / 3}"),
        _ => date.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The first day of the period after the one containing <paramref name="date"/>.</summary>
    internal DateOnly NextPeriodStart(DateOnly date) => Period switch
    {
        RatePeriod.Day => date.AddDays(1),
        RatePeriod.Week => date.AddDays(7 - ((int)date.DayOfWeek + 6) % 7),
        RatePeriod.Month => new DateOnly(date.Year, date.Month, 1).AddMonths(1),
        RatePeriod.Quarter => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1).AddMonths(3),
        _ => new DateOnly(date.Year + 1, 1, 1),
    };
}
