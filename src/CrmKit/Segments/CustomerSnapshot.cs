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

    /// <summary>
    /// The customer's interactions that carry metadata, by occurrence then id. Loaded only for rules
    /// whose <see cref="SnapshotNeeds.InteractionMetadata"/> asks for them (and only of the kinds they
    /// name); empty otherwise.
    /// </summary>
    public IReadOnlyList<Interaction> InteractionsWithMetadata { get; init; } = [];

    /// <summary>
    /// The segments the customer is a member of, as of each segment's last refresh: only the
    /// segments a rule's <see cref="SnapshotNeeds"/> names (all when it asks for every one); empty otherwise.
    /// </summary>
    public IReadOnlySet<string> Segments { get; init; } = NoSegments;

    /// <summary>The customer's open care tasks, by id. Loaded only for rules whose <see cref="SnapshotNeeds.OpenTasks"/> asks for them; empty otherwise.</summary>
    public IReadOnlyList<CareTask> OpenTasks { get; init; } = [];

    private static readonly IReadOnlySet<string> NoSegments = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The customer's time zone (<see cref="Customer.TimeZone"/>), or UTC when none is set.</summary>
    public TimeZoneInfo Zone => Customer.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar date of <paramref name="instant"/> in the customer's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
