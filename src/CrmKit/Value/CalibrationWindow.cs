namespace CrmKit.Value;

/// <summary>
/// The run of calendar days whose purchases a value model learns from; both ends are included.
/// </summary>
public sealed record CalibrationWindow
{
    /// <summary>Creates a window from <paramref name="start"/> to <paramref name="end"/>, both inclusive.</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public CalibrationWindow(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"Calibration end {end:yyyy-MM-dd} is before its start {start:yyyy-MM-dd}.");
        }

        Start = start;
        End = end;
    }

    /// <summary>The first day of the window.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the window; purchases on this day count.</summary>
    public DateOnly End { get; }

    /// <summary>Whether <paramref name="day"/> falls inside the window.</summary>
    public bool Contains(DateOnly day) => day >= Start && day <= End;
}
