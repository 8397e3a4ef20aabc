namespace CrmKit;

/// <summary>
/// One entry of the duplicate review list: two customers that look like the same person, why, and
/// what was decided. Imports and <see cref="IdentityBook.FindMatches"/> add entries; a merge
/// removes the pair (and re-points entries of the merged code to the survivor); a dismissal keeps
/// the pair, so it is not suggested again.
/// </summary>
/// <param name="First">One customer (the lower code, ordinal).</param>
/// <param name="Second">The other customer.</param>
/// <param name="Reasons">What matched, for example <c>same phone</c>, <c>same email</c>, <c>same id-number</c>, <c>similar name</c>.</param>
/// <param name="Score">Strength of the match: 1 per identifying match (phone, email, identity attribute), 0.5 for a similar name or the same birthday and name.</param>
/// <param name="FoundAt">When the match was found.</param>
/// <param name="FoundBy">What found it, for example <c>import cards</c> or <c>scan</c>.</param>
public sealed record DuplicateMatch(CustomerCode First, CustomerCode Second, IReadOnlyList<string> Reasons, double Score, DateTimeOffset FoundAt, string FoundBy)
{
    /// <summary>When a person decided the two are different customers; null while the match awaits review.</summary>
    public DateTimeOffset? DismissedAt { get; init; }

    /// <summary>Who dismissed the match, if it was dismissed.</summary>
    public string? DismissedBy { get; init; }

    /// <summary>Why it was dismissed, if it was.</summary>
    public string? DismissReason { get; init; }

    /// <summary>True while the match awaits review.</summary>
    public bool IsOpen => DismissedAt is null;

    /// <summary>Compares every field, the reasons item by item.</summary>
    public bool Equals(DuplicateMatch? other) =>
        other is not null && First == other.First && Second == other.Second && Reasons.SequenceEqual(other.Reasons, StringComparer.Ordinal)
        && Score.Equals(other.Score) && FoundAt == other.FoundAt && FoundBy == other.FoundBy
        && DismissedAt == other.DismissedAt && DismissedBy == other.DismissedBy && DismissReason == other.DismissReason;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(First, Second, Reasons.Count, Score, FoundAt, FoundBy, DismissedAt);

    /// <summary>Both codes ordered (lower first, ordinal): the key a pair is stored under.</summary>
    internal static (CustomerCode First, CustomerCode Second) Pair(CustomerCode a, CustomerCode b) =>
        string.CompareOrdinal(a.Value, b.Value) <= 0 ? (a, b) : (b, a);
}
