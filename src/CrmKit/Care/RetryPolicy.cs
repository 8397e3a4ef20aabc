using System.Globalization;

namespace CrmKit;

/// <summary>
/// How often and how far apart a failed contact is tried again. After attempt k (1-based) the next
/// one is due <see cref="Intervals"/>[k − 1] later (the last interval repeats), or at the time a
/// customer asked to be called back, and then moved out of quiet hours by the
/// <see cref="ContactPolicy"/>. A retry belongs to the same task, so it never counts against the
/// frequency cap again. Immutable; every property is checked when set.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Three attempts: the second 4 hours after the first, the third a day after the second.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>The most attempts per task, 1 to 50; 3 unless set.</summary>
    public int MaxAttempts
    {
        get;
        init => field = value is >= 1 and <= 50 ? value : throw new CrmValidationException("retry.maxAttempts", $"{value} is not between 1 and 50.");
    } = 3;

    /// <summary>The waits between attempts, each positive and at most 90 days; at least one.</summary>
    public IReadOnlyList<TimeSpan> Intervals
    {
        get;
        init => field = CheckIntervals(value);
    } = [TimeSpan.FromHours(4), TimeSpan.FromDays(1)];

    /// <summary>
    /// What to do after <paramref name="attempts"/> (one task's attempts, in any order): stop when the
    /// latest reached the customer or found a wrong number, stop when <see cref="MaxAttempts"/> are
    /// used or the next time would fall after <paramref name="notAfter"/>, otherwise retry.
    /// </summary>
    /// <param name="attempts">The task's attempts so far; at least one.</param>
    /// <param name="zone">The customer's time zone, for quiet hours.</param>
    /// <param name="contact">The contact policy whose quiet hours retries keep.</param>
    /// <param name="notAfter">When the task expires, if it does.</param>
    /// <exception cref="CrmValidationException">No attempts were given.</exception>
    public RetryDecision Next(IReadOnlyCollection<ContactAttempt> attempts, TimeZoneInfo zone, ContactPolicy contact, DateTimeOffset? notAfter = null)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(contact);
        if (attempts.Count == 0) throw new CrmValidationException("attempts", "are empty; a retry follows an attempt.");
        var last = attempts.OrderBy(a => a.At).Last();
        var count = attempts.Count;
        switch (last.Outcome)
        {
            case AttemptOutcome.Reached:
                return new(RetryVerdict.Reached, null, count, $"reached on {last.Channel} at {Iso(last.At)}");
            case AttemptOutcome.WrongNumber:
                return new(RetryVerdict.WrongNumber, null, count, $"wrong number on {last.Channel} at {Iso(last.At)}");
        }
        if (count >= MaxAttempts)
            return new(RetryVerdict.Exhausted, null, count, $"{count} of {MaxAttempts} attempts used");
        var wanted = last.Outcome == AttemptOutcome.CallbackRequested && last.CallbackAt is { } callback
            ? callback
            : last.At + Intervals[Math.Min(count - 1, Intervals.Count - 1)];
        var next = contact.NextAllowed(wanted, zone);
        if (next > notAfter)
            return new(RetryVerdict.Exhausted, null, count, $"the next attempt at {Iso(next)} would fall after the task expires at {Iso(notAfter.Value)}");
        return new(RetryVerdict.Retry, next, count,
            next == wanted ? $"attempt {count + 1} of {MaxAttempts} at {Iso(next)}" : $"attempt {count + 1} of {MaxAttempts} at {Iso(next)}, after quiet hours (wanted {Iso(wanted)})");
    }

    private static TimeSpan[] CheckIntervals(IReadOnlyList<TimeSpan>? intervals)
    {
        if (intervals is null) throw new CrmValidationException("retry.intervals", "is required but was null.");
        var list = intervals.ToArray();
        if (list.Length == 0) throw new CrmValidationException("retry.intervals", "is empty; give at least one wait.");
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] <= TimeSpan.Zero || list[i] > TimeSpan.FromDays(90))
                throw new CrmValidationException($"retry.intervals[{i}]", $"{list[i]} is not positive and at most 90 days.");
        }
        return list;
    }

    private static string Iso(DateTimeOffset at) => at.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>Equal when the limit and the waits are equal.</summary>
    public bool Equals(RetryPolicy? other) => other is not null && MaxAttempts == other.MaxAttempts && Intervals.SequenceEqual(other.Intervals);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MaxAttempts, Intervals.Count);
}
