namespace CrmKit;

/// <summary>
/// What keeps care from becoming harassment. Applied to every proposed care action in a sweep:
/// consent first (an opt-out on a channel always wins), then quiet hours (the due time moves to
/// the next allowed moment in the customer's time zone), then the frequency cap per customer and
/// channel. Immutable; set it on <see cref="CrmOptions.ContactPolicy"/>.
/// </summary>
public sealed record ContactPolicy
{
    /// <summary>At most 2 tasks per customer and channel within 7 days; quiet from 21:00 to 09:00; opt-outs honoured; tasks expire 14 days after they are due.</summary>
    public static ContactPolicy Default { get; } = new();

    /// <summary>The most care tasks one customer may get on one channel within <see cref="CapWindow"/>.</summary>
    public int MaxPerChannel { get; init; } = 2;

    /// <summary>
    /// The frequency cap's window: two tasks count against each other when their due times are less
    /// than this apart. Open, done and declined tasks count; withdrawn and expired ones do not.
    /// </summary>
    public TimeSpan CapWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Local time (customer's zone) at which quiet hours start. Equal to <see cref="QuietEnd"/> means no quiet hours.</summary>
    public TimeOnly QuietStart { get; init; } = new(21, 0);

    /// <summary>Local time at which quiet hours end; may be earlier than the start (the quiet spans midnight).</summary>
    public TimeOnly QuietEnd { get; init; } = new(9, 0);

    /// <summary>When true, a channel needs a recorded opt-in; when false (the default), only an opt-out blocks it.</summary>
    public bool RequireOptIn { get; init; }

    /// <summary>An open task expires this long after its due time (at the next sweep).</summary>
    public TimeSpan ExpireAfter { get; init; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How priorities meet a full frequency cap: an urgent task goes over it
    /// (<see cref="CapPriorityMode.UrgentBypassesCap"/>, the default), or a higher-priority task
    /// displaces a lower-priority one not yet attempted (<see cref="CapPriorityMode.HigherPriorityDisplaces"/>).
    /// Either way an urgent task is never dropped because routine tasks filled the cap.
    /// </summary>
    public PriorityPolicy Priority { get; init => field = value ?? throw new CrmValidationException("contactPolicy.priority", "is required but was null."); } = PriorityPolicy.Default;

    /// <summary>How many contact attempts a task gets and how far apart (<see cref="RetryPolicy.Default"/> unless set); retries keep quiet hours.</summary>
    public RetryPolicy Retry { get; init => field = value ?? throw new CrmValidationException("contactPolicy.retry", "is required but was null."); } = RetryPolicy.Default;

    /// <summary>True when <paramref name="local"/> (a customer's local time of day) falls in quiet hours.</summary>
    public bool IsQuiet(TimeOnly local) =>
        QuietStart == QuietEnd ? false
        : QuietStart < QuietEnd ? local >= QuietStart && local < QuietEnd
        : local >= QuietStart || local < QuietEnd;

    /// <summary>
    /// The first instant at or after <paramref name="due"/> that is outside quiet hours in
    /// <paramref name="zone"/>: <paramref name="due"/> itself when allowed, otherwise the end of the
    /// quiet hours (moved past a daylight-saving gap when the end falls in one).
    /// </summary>
    public DateTimeOffset NextAllowed(DateTimeOffset due, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var candidate = due;
        for (var guard = 0; guard < 4; guard++)
        {
            var local = TimeZoneInfo.ConvertTime(candidate, zone);
            if (!IsQuiet(TimeOnly.FromDateTime(local.DateTime))) return candidate;
            var date = DateOnly.FromDateTime(local.DateTime);
            if (TimeOnly.FromDateTime(local.DateTime) >= QuietEnd) date = date.AddDays(1);
            var next = LocalClock.At(date, QuietEnd, zone, candidate);
            candidate = next > candidate ? next : candidate.AddMinutes(1);
        }
        return candidate;
    }

    internal void Check()
    {
        if (MaxPerChannel < 1) throw new CrmValidationException("contactPolicy.maxPerChannel", $"{MaxPerChannel} is less than 1.");
        if (CapWindow <= TimeSpan.Zero) throw new CrmValidationException("contactPolicy.capWindow", $"{CapWindow} is not positive.");
        if (ExpireAfter <= TimeSpan.Zero) throw new CrmValidationException("contactPolicy.expireAfter", $"{ExpireAfter} is not positive.");
    }
}
