namespace CrmKit;

/// <summary>
/// Figures derived from a customer's interaction log, kept up to date in the same transaction as
/// every interaction write, so reading them never re-reads the history. They always equal
/// the figures rebuilt from the log (<see cref="InteractionLog.RebuildStats"/>).
/// </summary>
public sealed record CustomerStats
{
    /// <summary>Stats of a customer with no interactions.</summary>
    public static CustomerStats Empty { get; } = new();

    /// <summary>How many interactions of any kind the customer has.</summary>
    public int InteractionCount { get; init; }

    /// <summary>How many purchases the customer made.</summary>
    public int PurchaseCount { get; init; }

    /// <summary>Repeat purchases: purchases after the first.</summary>
    public int Frequency => Math.Max(0, PurchaseCount - 1);

    /// <summary>Sum of purchase amounts less refunds.</summary>
    public decimal MonetaryTotal { get; init; }

    /// <summary><see cref="MonetaryTotal"/> per purchase; null without purchases.</summary>
    public decimal? AverageSpend => PurchaseCount == 0 ? null : MonetaryTotal / PurchaseCount;

    /// <summary>The earliest purchase (on a tie, the one recorded first).</summary>
    public DateTimeOffset? FirstPurchaseAt { get; init; }

    /// <summary>The latest purchase (on a tie, the one recorded first).</summary>
    public DateTimeOffset? LastPurchaseAt { get; init; }

    /// <summary>The latest interaction of any kind (on a tie, the one recorded first).</summary>
    public DateTimeOffset? LastContactAt { get; init; }

    /// <summary>Interaction counts by kind name.</summary>
    public IReadOnlyDictionary<string, int> CountsByKind { get; init; } = SortedFigures<int>.Empty;

    /// <summary>Interaction counts by channel name.</summary>
    public IReadOnlyDictionary<string, int> CountsByChannel { get; init; } = SortedFigures<int>.Empty;

    /// <summary>
    /// The latest interaction of each kind, by kind name (on a tie, the one recorded first): what
    /// "service due six months after the last service visit" is measured from.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastByKind { get; init; } = SortedFigures<DateTimeOffset>.Empty;

    /// <summary>The latest interaction of <paramref name="kind"/>, or null when the customer has none.</summary>
    public DateTimeOffset? LastOfKind(InteractionKind kind) => LastByKind.TryGetValue(kind.Name, out var at) ? at : null;

    /// <summary>Time since the last purchase at <paramref name="now"/>; null without purchases.</summary>
    public TimeSpan? Recency(DateTimeOffset now) => now - LastPurchaseAt;

    /// <summary>Compares every figure exactly, including the offsets of the instants.</summary>
    public bool Equals(CustomerStats? other) =>
        other is not null
        && other.InteractionCount == InteractionCount
        && other.PurchaseCount == PurchaseCount
        && other.MonetaryTotal == MonetaryTotal
        && Same(other.FirstPurchaseAt, FirstPurchaseAt)
        && Same(other.LastPurchaseAt, LastPurchaseAt)
        && Same(other.LastContactAt, LastContactAt)
        && SameCounts(other.CountsByKind, CountsByKind)
        && SameCounts(other.CountsByChannel, CountsByChannel)
        && other.LastByKind.Count == LastByKind.Count
        && other.LastByKind.All(kv => LastByKind.TryGetValue(kv.Key, out var at) && at.EqualsExact(kv.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(InteractionCount, PurchaseCount, MonetaryTotal);

    private static bool Same(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b is null : b is not null && a.Value.EqualsExact(b.Value);

    private static bool SameCounts(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var n) && n == kv.Value);
}
