namespace CrmKit;

/// <summary>The calendar period a <see cref="RateDimension.Period"/> cut uses.</summary>
public enum RatePeriod
{
    /// <summary>A day, labelled <c>2026-11-26</c>.</summary>
    Day,

    /// <summary>An ISO week (Monday first), labelled <c>2026-W48</c>.</summary>
    Week,

    /// <summary>A month, labelled <c>2026-11</c>.</summary>
    Month,

    /// <summary>A quarter, labelled <c>2026-Q4</c>.</summary>
    Quarter,

    /// <summary>A year, labelled <c>2026</c>.</summary>
    Year,
}
