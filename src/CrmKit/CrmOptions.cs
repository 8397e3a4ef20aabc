using CrmKit.Loyalty;

namespace CrmKit;

/// <summary>
/// How a CrmKit database is opened: where the file is, the clock, the attribute schema, the
/// stage model and which interaction kinds count as purchases and refunds.
/// </summary>
public sealed record CrmOptions
{
    /// <summary>
    /// The database file. It must exist and be a CrmKit database unless <see cref="CreateIfMissing"/>
    /// is set; CrmKit never writes over a file it does not recognise. Null opens a private in-memory
    /// database (for tests and previews).
    /// </summary>
    public string? FilePath { get; init; }

    /// <summary>
    /// Creates the database when <see cref="FilePath"/> names no file. False (the default) refuses a
    /// missing file with a <see cref="DatabaseFileException"/>, so a mistyped path never becomes a
    /// new, empty database.
    /// </summary>
    public bool CreateIfMissing { get; init; }

    /// <summary>
    /// Opens the file for reading only: nothing is written to it (nor to its log file), other
    /// read-only opens may read it at the same time, and every write is refused with a
    /// <see cref="DatabaseFileException"/>. A file that still keeps stats in their own collection, as
    /// the first versions of CrmKit did, must be opened for writing once first, to be upgraded.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// How long opening waits while another process holds the file (a writer excludes everyone,
    /// readers exclude writers) before it gives up with a <see cref="DatabaseInUseException"/>.
    /// Zero (the default) refuses at once.
    /// </summary>
    public TimeSpan LockTimeout { get; init; }

    /// <summary>Encrypts the file at rest (AES) with this password when set. A file must always be opened with the password it was created with.</summary>
    public string? Password { get; init; }

    /// <summary>The clock every "now" comes from. Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The deadlines of service cases, by category, priority and customer tier, counted in business
    /// hours, and where a passed deadline escalates (see <see cref="CaseBook"/>). Left unset, the stored
    /// policy is used (<see cref="CaseBook.DefaultPolicy"/> for a new database: one working day to a
    /// first response and five to a resolution, Monday to Friday 09:00–18:00 UTC, no escalation); set,
    /// it replaces the stored policy and is stored, so every program that opens the database (the
    /// command line, a host's escalation job) keeps the same deadlines. Cases already open keep the
    /// deadlines they were given.
    /// </summary>
    public CaseDeadlinePolicy CasePolicy { get => _casePolicy ?? CaseBook.DefaultPolicy; init => _casePolicy = value; }

    /// <summary>How long after a case is resolved its satisfaction check falls due. Defaults to two days.</summary>
    public TimeSpan CaseFollowUpDelay { get; init; } = TimeSpan.FromDays(2);

    private readonly AttributeSchema? _attributes;
    private readonly StageModel? _stages;
    private readonly IReadOnlySet<InteractionKind>? _purchaseKinds;
    private readonly IReadOnlySet<InteractionKind>? _refundKinds;
    private readonly ContactPolicy? _contactPolicy;
    private readonly RoutingPolicy? _routing;
    private readonly CaseDeadlinePolicy? _casePolicy;
    private readonly StageRuleSettings? _stageRules;
    private readonly LoyaltyProgram? _loyalty;

    /// <summary>
    /// The custom attributes customers may carry. Left unset, the schema stored in the database is
    /// used (empty for a new one); set, attributes it adds are stored, and one whose type differs
    /// from the stored type is refused (see <see cref="CrmConfigurationException"/>).
    /// </summary>
    public AttributeSchema Attributes { get => _attributes ?? AttributeSchema.Empty; init => _attributes = value; }

    /// <summary>
    /// The lifecycle stages and allowed transitions. Left unset, the stored model is used
    /// (<see cref="StageModel.Default"/> for a new database); set, stages and transitions it adds are
    /// stored, and a different initial stage or a missing stage or transition is refused.
    /// </summary>
    public StageModel Stages { get => _stages ?? StageModel.Default; init => _stages = value; }

    /// <summary>
    /// Interaction kinds that count as purchases (frequency, monetary value); <c>purchase</c> for a new
    /// database. Left unset, the stored kinds are used; set, they must equal them, because the stored
    /// stats were computed with them.
    /// </summary>
    public IReadOnlySet<InteractionKind> PurchaseKinds { get => _purchaseKinds ?? DefaultPurchaseKinds; init => _purchaseKinds = value; }

    /// <summary>
    /// Interaction kinds that return money; only these may carry a negative amount; <c>refund</c> for
    /// a new database. Left unset, the stored kinds are used; set, they must equal them.
    /// </summary>
    public IReadOnlySet<InteractionKind> RefundKinds { get => _refundKinds ?? DefaultRefundKinds; init => _refundKinds = value; }

    /// <summary>Compiles scripted segments; null when the host uses built-in filters only. CrmKit.Scripting provides one.</summary>
    public ISegmentScriptCompiler? SegmentScripts { get; init; }

    /// <summary>
    /// The rules that keep care from becoming harassment: consent, frequency caps, quiet hours. Left
    /// unset, the stored policy is used (<see cref="ContactPolicy.Default"/> for a new database); set,
    /// it replaces the stored policy and is stored, since it governs only sweeps still to come.
    /// </summary>
    public ContactPolicy ContactPolicy { get => _contactPolicy ?? ContactPolicy.Default; init => _contactPolicy = value; }

    /// <summary>
    /// Teams and the assignment rules that give new customers, care tasks and cases an owner (see
    /// <see cref="QueueBook"/>). Left unset, the stored routing is used (<see cref="RoutingPolicy.None"/>
    /// for a new database); set, it replaces the stored routing and is stored, since it governs only
    /// assignments still to come.
    /// </summary>
    public RoutingPolicy Routing { get => _routing ?? RoutingPolicy.None; init => _routing = value; }

    /// <summary>
    /// Whether sweeps run the built-in stage rules, and their settings. Left unset, the stored
    /// settings are used (<see cref="StageRuleSettings.None"/> for a new database: stages change by
    /// hand and by the rules a sweep is given); set, they replace the stored ones and are stored.
    /// </summary>
    public StageRuleSettings StageRules { get => _stageRules ?? StageRuleSettings.None; init => _stageRules = value; }

    /// <summary>
    /// The loyalty programme: the rules that earn points when interactions are recorded, how long
    /// points stay valid, and the membership tiers (see <see cref="LoyaltyBook"/>). Left unset, the
    /// stored programme is used (none for a new database: nothing is earned). Set, a programme of
    /// built-in earn rules (<see cref="EarnRules"/>) replaces the stored one and is stored; a
    /// programme with rules of the application's own applies to this open only and is not stored.
    /// </summary>
    public LoyaltyProgram? Loyalty { get => _loyalty; init => _loyalty = value; }

    /// <summary>The grades customers may carry, for example A, B, C, D, E, F, G, O, V. Null accepts any grade of up to 32 characters.</summary>
    public IReadOnlyList<string>? GradeScale { get; init; }

    /// <summary>Creates options for an existing database file.</summary>
    public static CrmOptions ForFile(string path) => new() { FilePath = path };

    /// <summary>Creates options for a database file that is created when missing and opened when it exists.</summary>
    public static CrmOptions ForNewOrExistingFile(string path) => new() { FilePath = path, CreateIfMissing = true };

    private static readonly IReadOnlySet<InteractionKind> DefaultPurchaseKinds = new HashSet<InteractionKind> { InteractionKind.Purchase };
    private static readonly IReadOnlySet<InteractionKind> DefaultRefundKinds = new HashSet<InteractionKind> { InteractionKind.Refund };

    /// <summary>The settings that are stored in the database, each null where the options leave it unset.</summary>
    internal GivenConfiguration Given => new(_attributes, _stages, _purchaseKinds, _refundKinds, _contactPolicy, _routing, _stageRules, _loyalty, _casePolicy);

    /// <summary>Creates options for a private in-memory database.</summary>
    public static CrmOptions InMemory() => new();

    internal void Check()
    {
        if (FilePath is not null) Require.Name(FilePath, "filePath", 4_000);
        if (LockTimeout < TimeSpan.Zero) throw new CrmValidationException("lockTimeout", $"{LockTimeout} is negative; use zero to refuse at once when the file is in use.");
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Attributes);
        ArgumentNullException.ThrowIfNull(Stages);
        ArgumentNullException.ThrowIfNull(PurchaseKinds);
        ArgumentNullException.ThrowIfNull(RefundKinds);
        if (ContactPolicy is null) throw new CrmValidationException("contactPolicy", "is required but was null.");
        ContactPolicy.Check();
        if (Routing is null) throw new CrmValidationException("routing", "is required but was null.");
        Routing.Check();
        if (CasePolicy is null) throw new CrmValidationException("casePolicy", "is required but was null.");
        if (StageRules is null) throw new CrmValidationException("stageRules", "is required but was null.");
        StageRules.Check();
        var both = PurchaseKinds.Intersect(RefundKinds).ToArray();
        if (both.Length > 0) throw new CrmValidationException("refundKinds", $"'{both[0]}' is both a purchase and a refund kind.");
    }
}
