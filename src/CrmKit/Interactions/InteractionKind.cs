namespace CrmKit;

/// <summary>
/// What kind of touchpoint an interaction is: purchase, refund, service visit, complaint,
/// inquiry, care contact, campaign response, referral, test drive, or any other lower-case name.
/// Which kinds count as purchases and refunds is set in <see cref="CrmOptions"/>.
/// </summary>
public readonly record struct InteractionKind
{
    private readonly string? _name;

    /// <summary>Creates a kind; the name is lower-case letters, digits, '-', '_' or '.'.</summary>
    /// <exception cref="CrmValidationException">The name is not a valid identifier.</exception>
    public InteractionKind(string name) => _name = Require.Identifier(name, "kind");

    /// <summary>The kind's name.</summary>
    public string Name => _name ?? "";

    /// <summary>A purchase; counts toward frequency and monetary value.</summary>
    public static InteractionKind Purchase { get; } = new("purchase");

    /// <summary>Money returned to the customer; the only kind whose amount may be negative.</summary>
    public static InteractionKind Refund { get; } = new("refund");

    /// <summary>A service or maintenance visit.</summary>
    public static InteractionKind ServiceVisit { get; } = new("service-visit");

    /// <summary>A complaint.</summary>
    public static InteractionKind Complaint { get; } = new("complaint");

    /// <summary>A question from the customer.</summary>
    public static InteractionKind Inquiry { get; } = new("inquiry");

    /// <summary>A care contact made by staff (greeting, check-in, reminder).</summary>
    public static InteractionKind CareContact { get; } = new("care-contact");

    /// <summary>A response to a campaign.</summary>
    public static InteractionKind CampaignResponse { get; } = new("campaign-response");

    /// <summary>The customer referred someone.</summary>
    public static InteractionKind Referral { get; } = new("referral");

    /// <summary>A test drive.</summary>
    public static InteractionKind TestDrive { get; } = new("test-drive");

    /// <summary>Converts a name to a kind, checking it.</summary>
    public static implicit operator InteractionKind(string name) => new(name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
