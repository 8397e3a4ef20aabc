namespace CrmKit;

/// <summary>
/// One stretch of working time within a day, in local wall-clock time: from <see cref="Start"/> to
/// <see cref="End"/>. An end of 00:00 means midnight at the end of the day.
/// </summary>
public readonly record struct WorkingHours
{
    /// <summary>Creates a stretch.</summary>
    /// <exception cref="CrmValidationException">The end is not after the start (and not midnight).</exception>
    public WorkingHours(TimeOnly start, TimeOnly end)
    {
        if (end != TimeOnly.MinValue && end <= start)
            throw new CrmValidationException("workingHours.end", $"{end:HH\\:mm} is not after the start {start:HH\\:mm}.");
        Start = start;
        End = end;
    }

    /// <summary>When work starts.</summary>
    public TimeOnly Start { get; }

    /// <summary>When it ends; 00:00 for midnight at the end of the day.</summary>
    public TimeOnly End { get; }

    /// <summary>True when the stretch runs to midnight.</summary>
    public bool ToMidnight => End == TimeOnly.MinValue;

    /// <summary>The whole day, 00:00 to midnight.</summary>
    public static WorkingHours AllDay { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    /// <inheritdoc/>
    public override string ToString() => $"{Start:HH\\:mm}-{(ToMidnight ? "24:00" : End.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture))}";
}
