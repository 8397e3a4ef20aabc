namespace CrmKit.Scripting;

/// <summary>What a <see cref="CustomerView"/> is made of: the values the host sends to a worker process for one customer.</summary>
internal sealed record CustomerParts(
    string Code,
    string Name,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, AttributeValue> Attributes,
    IReadOnlyList<ContactPoint> ContactPoints,
    IReadOnlyDictionary<Channel, Consent> Consents,
    CustomerGroup? Group,
    string? Grade,
    string? Owner,
    string Stage,
    DateTimeOffset StageSince,
    DateOnly? Birthday,
    string? TimeZone,
    DateTimeOffset CreatedAt,
    CustomerStats Stats,
    CrmKit.Value.CustomerValue? Value)
{
    /// <summary>What the host loaded beyond the profile, stats and value figures.</summary>
    internal ViewExtras Extras { get; init; } = ViewExtras.Empty;

    /// <summary>When the grade was last assigned or reviewed.</summary>
    internal DateTimeOffset? GradeReviewedAt { get; init; }
}
