namespace CrmKit;

/// <summary>
/// How a CrmKit database is opened: where the file is, the clock, the attribute schema, the
/// stage model and which interaction kinds count as purchases and refunds.
/// </summary>
public sealed record CrmOptions
{
    /// <summary>The database file, created when missing. Null opens a private in-memory database (for tests and previews).</summary>
    public string? FilePath { get; init; }

    /// <summary>Encrypts the file at rest (AES) with this password when set. A file must always be opened with the password it was created with.</summary>
    public string? Password { get; init; }

    /// <summary>The clock every "now" comes from. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The custom attributes customers may carry.</summary>
    public AttributeSchema Attributes { get; init; } = AttributeSchema.Empty;

    /// <summary>The lifecycle stages and allowed transitions.</summary>
    public StageModel Stages { get; init; } = StageModel.Default;

    /// <summary>Interaction kinds that count as purchases (frequency, monetary value). Defaults to <c>purchase</c>.</summary>
    public IReadOnlySet<InteractionKind> PurchaseKinds { get; init; } = new HashSet<InteractionKind> { InteractionKind.Purchase };

    /// <summary>Interaction kinds that return money; only these may carry a negative amount. Defaults to <c>refund</c>.</summary>
    public IReadOnlySet<InteractionKind> RefundKinds { get; init; } = new HashSet<InteractionKind> { InteractionKind.Refund };

    /// <summary>Compiles scripted segments; null when the host uses built-in filters only. CrmKit.Scripting provides one.</summary>
    public ISegmentScriptCompiler? SegmentScripts { get; init; }

    /// <summary>The rules that keep care from becoming harassment: consent, frequency caps, quiet hours.</summary>
    public ContactPolicy ContactPolicy { get; init; } = ContactPolicy.Default;
    /// <summary>The grades customers may carry, for example A, B, C, D, E, F, G, O, V. Null accepts any grade of up to 32 characters.</summary>
    public IReadOnlyList<string>? GradeScale { get; init; }

    /// <summary>Creates options for a database file.</summary>
    public static CrmOptions ForFile(string path) => new() { FilePath = path };

    /// <summary>Creates options for a private in-memory database.</summary>
    public static CrmOptions InMemory() => new();

    internal void Check()
    {
        if (FilePath is not null) Require.Name(FilePath, "filePath", 4_000);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Attributes);
        ArgumentNullException.ThrowIfNull(Stages);
        ArgumentNullException.ThrowIfNull(PurchaseKinds);
        ArgumentNullException.ThrowIfNull(RefundKinds);
        if (ContactPolicy is null) throw new CrmValidationException("contactPolicy", "is required but was null.");
        ContactPolicy.Check();
        var both = PurchaseKinds.Intersect(RefundKinds).ToArray();
        if (both.Length > 0) throw new CrmValidationException("refundKinds", $"'{both[0]}' is both a purchase and a refund kind.");
    }
}
