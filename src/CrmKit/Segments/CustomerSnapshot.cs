namespace CrmKit;

/// <summary>
/// One customer as segment predicates and care rules see it: the stored profile and the stats kept
/// from its interactions, read in one go. Immutable and safe to share between threads.
/// </summary>
/// <param name="Customer">The stored customer.</param>
/// <param name="Stats">The customer's stats.</param>
public sealed record CustomerSnapshot(Customer Customer, CustomerStats Stats)
{
    /// <summary>The customer's figures from the latest stored value fit (<see cref="Value.ValueBook.Fit"/>); null before a fit or without a purchase then.</summary>
    public Value.CustomerValue? Value { get; init; }

    /// <summary>The customer's time zone (<see cref="Customer.TimeZone"/>), or UTC when none is set.</summary>
    public TimeZoneInfo Zone => Customer.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar date of <paramref name="instant"/> in the customer's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
