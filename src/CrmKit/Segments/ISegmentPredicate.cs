namespace CrmKit;

/// <summary>
/// Decides whether one customer belongs to a segment. The extension point every segment runs
/// through: built-in filters (<see cref="SegmentFilter"/>) and scripts (CrmKit.Scripting) alike.
/// </summary>
/// <remarks>
/// Implementations must be pure and thread-safe: a refresh calls <see cref="Matches"/> for many
/// customers at once from several threads, and the answer may depend only on the snapshot and
/// <c>now</c>.
/// </remarks>
public interface ISegmentPredicate
{
    /// <summary>True when <paramref name="customer"/> belongs to the segment at <paramref name="now"/>.</summary>
    bool Matches(CustomerSnapshot customer, DateTimeOffset now);
}
