namespace CrmKit.Loyalty;

/// <summary>
/// One recorded entry of a customer's points ledger. Entries are appended, never edited; the
/// balance is the sum of <see cref="Points"/> over the entries. Points are whole numbers, signed
/// by kind: earned positive, redeemed and expired negative, adjusted either way. Immutable, and
/// valid once constructed.
/// </summary>
public sealed record LedgerEntry
{
    /// <summary>Largest number of points one entry may carry, so sums over a ledger cannot overflow.</summary>
    public const long MaxPoints = 1_000_000_000_000_000;

    /// <summary>Creates an entry, checking it.</summary>
    /// <param name="customer">Whose ledger it belongs to.</param>
    /// <param name="sequence">Its position in that ledger, from 1.</param>
    /// <param name="kind">What it records.</param>
    /// <param name="points">Signed points: positive for <see cref="LedgerEntryKind.Earned"/>, negative for redeemed and expired, non-zero for adjusted.</param>
    /// <param name="at">When it took effect; for an expiry, the instant the lot's validity ended.</param>
    /// <param name="source">Where the points came from or went to.</param>
    /// <param name="actor">Who recorded it (a user, a rule's engine, a job).</param>
    /// <param name="rule">The earn rule that awarded the points; required for points earned from a purchase, referral or occasion, absent otherwise.</param>
    /// <param name="note">Free text, or null.</param>
    /// <exception cref="CrmValidationException">A value is out of range, the sign does not fit the kind, or the source does not fit the kind.</exception>
    public LedgerEntry(CustomerCode customer, long sequence, LedgerEntryKind kind, long points, DateTimeOffset at, PointsSource source, string actor, string? rule = null, string? note = null)
    {
        if (customer == default) throw new CrmValidationException("customer", "is required but was empty.");
        if (sequence < 1) throw new CrmValidationException("sequence", $"{sequence} is less than 1.");
        if (!Enum.IsDefined(kind)) throw new CrmValidationException("kind", $"{(int)kind} is not a ledger entry kind.");
        if (points is > MaxPoints or < -MaxPoints) throw new CrmValidationException("points", $"{points} exceeds the largest accepted number of points {MaxPoints}.");
        var signOk = kind switch
        {
            LedgerEntryKind.Earned => points > 0,
            LedgerEntryKind.Redeemed or LedgerEntryKind.Expired => points < 0,
            _ => points != 0,
        };
        if (!signOk) throw new CrmValidationException("points", $"{points} does not fit a {kind.ToString().ToLowerInvariant()} entry ({Expected(kind)}).");
        ArgumentNullException.ThrowIfNull(source);
        var sourceOk = kind switch
        {
            LedgerEntryKind.Earned => source.Kind is PointsSourceKind.Purchase or PointsSourceKind.Referral or PointsSourceKind.Manual or PointsSourceKind.Occasion,
            LedgerEntryKind.Redeemed => source.Kind is PointsSourceKind.Redemption,
            LedgerEntryKind.Expired => source.Kind is PointsSourceKind.Expiry,
            _ => source.Kind is PointsSourceKind.Manual,
        };
        if (!sourceOk) throw new CrmValidationException("source", $"'{source}' cannot be the source of a {kind.ToString().ToLowerInvariant()} entry.");
        if (kind == LedgerEntryKind.Expired && source.Lot >= sequence)
            throw new CrmValidationException("source", $"entry {sequence} cannot expire entry {source.Lot}, which does not come before it.");
        var ruled = kind == LedgerEntryKind.Earned && source.Kind != PointsSourceKind.Manual;
        if (ruled) Require.Identifier(rule, "rule");
        else if (rule is not null) throw new CrmValidationException("rule", $"'{rule}' is given, but only points earned by a rule name one.");
        Customer = customer;
        Sequence = sequence;
        Kind = kind;
        Points = points;
        At = Require.Instant(at, "at");
        Source = source;
        Actor = Require.Name(actor, "actor");
        Rule = rule;
        Note = Require.OptionalText(note, "note");
    }

    /// <summary>Whose ledger it belongs to.</summary>
    public CustomerCode Customer { get; }

    /// <summary>Its position in the customer's ledger, from 1 and without gaps.</summary>
    public long Sequence { get; }

    /// <summary>What it records.</summary>
    public LedgerEntryKind Kind { get; }

    /// <summary>Signed whole points; the balance is their sum.</summary>
    public long Points { get; }

    /// <summary>When it took effect, with the offset it was given in.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Where the points came from or went to.</summary>
    public PointsSource Source { get; }

    /// <summary>Who recorded it.</summary>
    public string Actor { get; }

    /// <summary>The earn rule that awarded the points, or null for entries made by hand, redemptions and expiries.</summary>
    public string? Rule { get; }

    /// <summary>Free text, or null.</summary>
    public string? Note { get; }

    private static string Expected(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Earned => "positive",
        LedgerEntryKind.Redeemed or LedgerEntryKind.Expired => "negative",
        _ => "non-zero",
    };
}
