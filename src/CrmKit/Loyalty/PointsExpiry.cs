namespace CrmKit.Loyalty;

/// <summary>
/// How long earned points stay valid. Each earning (an earned entry or a positive adjustment) is
/// a lot that expires on its own at <see cref="ExpiresAt"/>; spending takes the oldest lots first
/// (first in, first out), so what expires is whatever is left of the oldest lots. Immutable.
/// </summary>
public sealed record PointsExpiry
{
    private PointsExpiry(TimeSpan? period, int? months)
    {
        Period = period;
        Months = months;
    }

    /// <summary>Points never expire.</summary>
    public static PointsExpiry Never { get; } = new(null, null);

    /// <summary>Points expire a fixed <paramref name="period"/> after they were earned.</summary>
    /// <exception cref="CrmValidationException">The period is not positive or is longer than 100 years.</exception>
    public static PointsExpiry After(TimeSpan period) =>
        period > TimeSpan.Zero && period <= TimeSpan.FromDays(36_525)
            ? new(period, null)
            : throw new CrmValidationException("period", $"{period} is not between a tick and 100 years.");

    /// <summary>
    /// Points expire <paramref name="months"/> calendar months after they were earned, counted in
    /// the offset the earning was recorded with (earned on 31 January, one month: expires 28 or 29
    /// February at the same time of day).
    /// </summary>
    /// <exception cref="CrmValidationException">The number of months is outside 1 to 1200.</exception>
    public static PointsExpiry AfterMonths(int months) =>
        months is >= 1 and <= 1200 ? new(null, months) : throw new CrmValidationException("months", $"{months} is outside 1 to 1200.");

    /// <summary>The fixed validity, when set by <see cref="After"/>.</summary>
    public TimeSpan? Period { get; }

    /// <summary>The validity in calendar months, when set by <see cref="AfterMonths"/>.</summary>
    public int? Months { get; }

    /// <summary>
    /// When points earned at <paramref name="earnedAt"/> expire, in the same offset; null when
    /// they never do (or not before 2200, the end of the instants CrmKit accepts).
    /// </summary>
    public DateTimeOffset? ExpiresAt(DateTimeOffset earnedAt)
    {
        if (Period is null && Months is null) return null;
        var limit = Require.LatestInstant;
        if (earnedAt >= limit) return null;
        if (Period is { } period)
            return limit - earnedAt <= period ? null : earnedAt + period;
        // Before 2200 and at most 1200 months on, so this cannot overflow.
        var at = earnedAt.AddMonths(Months!.Value);
        return at < limit ? at : null;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Period is { } p ? $"after {p}" : Months is { } m ? $"after {m} months" : "never";
}
