namespace CrmKit;

/// <summary>
/// One real person or organisation: the single customer view. Immutable: change a copy with
/// <c>with</c> and pass it to <see cref="CustomerBook.Update"/>, which checks <see cref="Version"/>
/// so that a change based on a stale copy fails instead of overwriting someone else's.
/// </summary>
/// <remarks>
/// <see cref="Stage"/>, <see cref="StageSince"/>, <see cref="CreatedAt"/>, <see cref="UpdatedAt"/>,
/// <see cref="Version"/> and <see cref="ErasedAt"/> are kept by CrmKit; stages change through
/// <see cref="LifecycleBook"/> only.
/// </remarks>
public sealed record Customer
{
    /// <summary>Creates a customer with its code and display name.</summary>
    public Customer(CustomerCode code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>The unique customer code.</summary>
    public CustomerCode Code { get; init; }

    /// <summary>The display name (a person's or an organisation's), any Unicode text up to 200 characters.</summary>
    public string Name { get; init; }

    /// <summary>Custom attributes, each declared in the database's <see cref="AttributeSchema"/>.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Attributes { get; init; } = new Dictionary<string, AttributeValue>();

    /// <summary>Free labels; stored without duplicates in ordinal order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Phone numbers, email addresses, handles and addresses.</summary>
    public IReadOnlyList<ContactPoint> ContactPoints { get; init; } = [];

    /// <summary>Consent per channel. A channel without an entry has no recorded consent.</summary>
    public IReadOnlyDictionary<Channel, Consent> Consents { get; init; } = new Dictionary<Channel, Consent>();

    /// <summary>The responsible account manager, if any.</summary>
    public string? Owner { get; init; }

    /// <summary>The customer's grade (for example A–G, O, V), if graded.</summary>
    public string? Grade { get; init; }

    /// <summary>The household or company the customer buys with, if any.</summary>
    public CustomerGroup? Group { get; init; }

    /// <summary>Birthday, if known (the year may be unknown: any year works for greetings).</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>The customer's IANA time zone (for example <c>Europe/Paris</c>), used for quiet hours; null means UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The current lifecycle stage.</summary>
    public StageId Stage { get; internal init; }

    /// <summary>When the customer entered <see cref="Stage"/>.</summary>
    public DateTimeOffset StageSince { get; internal init; }

    /// <summary>When the grade was last assigned or reviewed; null without a grade. See <see cref="GradeBook"/>.</summary>
    public DateTimeOffset? GradeReviewedAt { get; internal init; }

    /// <summary>When the customer was created.</summary>
    public DateTimeOffset CreatedAt { get; internal init; }

    /// <summary>When the profile last changed.</summary>
    public DateTimeOffset UpdatedAt { get; internal init; }

    /// <summary>Optimistic-concurrency version: 1 after creation, one more after each change.</summary>
    public int Version { get; internal init; }

    /// <summary>When the customer's personal data was erased; null while it is held.</summary>
    public DateTimeOffset? ErasedAt { get; internal init; }

    /// <summary>Checks every field against its limits and the schema.</summary>
    /// <exception cref="CrmValidationException">A field is invalid; the message names it.</exception>
    internal Customer Normalize(AttributeSchema schema)
    {
        if (Code == default) throw new CrmValidationException("code", "is required but was empty.");
        Require.Name(Name, "name");
        if (Attributes is null) throw new CrmValidationException("attributes", "is null.");
        schema.Check(Attributes);
        if (Tags is null) throw new CrmValidationException("tags", "is null.");
        for (var i = 0; i < Tags.Count; i++) Require.Name(Tags[i], $"tags[{i}]");
        if (ContactPoints is null) throw new CrmValidationException("contactPoints", "is null.");
        for (var i = 0; i < ContactPoints.Count; i++)
        {
            if (ContactPoints[i] is null) throw new CrmValidationException($"contactPoints[{i}]", "is null.");
            ContactPoints[i].Check(i);
        }
        if (Consents is null) throw new CrmValidationException("consents", "is null.");
        foreach (var (channel, consent) in Consents)
        {
            if (channel == default) throw new CrmValidationException("consents", "has an empty channel.");
            if (consent is null) throw new CrmValidationException($"consents.{channel}", "is null.");
            Require.Instant(consent.At, $"consents.{channel}.at");
        }
        Require.OptionalName(Owner, "owner");
        Require.OptionalName(Grade, "grade", 32);
        Group?.Check();
        if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            throw new CrmValidationException("timeZone", $"'{TimeZone}' is not a known time zone id.");
        return this with { Tags = Tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() };
    }
}
