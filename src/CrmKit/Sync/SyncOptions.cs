namespace CrmKit;

/// <summary>How <see cref="CustomerBook.Sync"/> treats a feed. Immutable; checked when the sync starts.</summary>
public sealed record SyncOptions
{
    /// <summary>
    /// The source system the feed comes from (lower-case letters, digits, '-', '_' and '.'), for
    /// example <c>cards</c>. With it, record identifiers are linked in the identity map and every
    /// value the feed sets is recorded as coming from it; a value another system gave stays, and the
    /// feed's different value is kept aside. Required when keyed by <see cref="SyncKey.SourceId"/>.
    /// Without it, the feed's values replace the stored ones as an update through CrmKit would.
    /// </summary>
    public string? System { get; init; }

    /// <summary>How a record finds its customer: by code (the default) or by source identifier.</summary>
    public SyncKey Key { get; init; } = SyncKey.Code;

    /// <summary>
    /// True (the default) to update the customers that exist and create the rest; false to only
    /// create, refusing the whole feed when a record's customer exists.
    /// </summary>
    public bool Update { get; init; } = true;

    /// <summary>Attributes that identify a person (an ID or passport number): new records are matched on them, as on phone and email.</summary>
    public IReadOnlyList<string> IdentityAttributes { get; init; } = [];

    /// <summary>
    /// The matches that merge a new record into the existing customer at once, instead of adding
    /// them to the review list: <c>phone</c>, <c>email</c> or an identity attribute's name. Empty by
    /// default: every match waits for a person. A new record is merged only when exactly one
    /// existing customer matches it on one of these.
    /// </summary>
    public IReadOnlyList<string> MergeOn { get; init; } = [];

    /// <summary>Who the changes are recorded as made by (stage changes, grade changes, merges); <c>import</c> by default.</summary>
    public string Actor { get; init; } = "import";
}
