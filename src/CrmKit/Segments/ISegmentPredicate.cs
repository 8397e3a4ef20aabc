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

    /// <summary>
    /// The verdicts for a chunk of customers at <paramref name="now"/>, one per customer in order. A
    /// customer whose evaluation fails gets a failed outcome and the others are still answered.
    /// Refreshes and previews call this; the default asks <see cref="Matches(CustomerSnapshot, DateTimeOffset)"/>
    /// once per customer, so only predicates that gain from batching (such as scripts evaluated in a
    /// worker process) override it.
    /// </summary>
    Outcome<bool>[] MatchAll(IReadOnlyList<CustomerSnapshot> customers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var outcomes = new Outcome<bool>[customers.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            try
            {
                outcomes[i] = Outcome<bool>.Of(Matches(customers[i], now));
            }
            catch (Exception e)
            {
                outcomes[i] = Outcome<bool>.Failed(e);
            }
        }
        return outcomes;
    }

    /// <summary>
    /// What the predicate reads beyond the profile, stats and value figures (interaction metadata, other
    /// segments, open tasks), so a refresh, preview or explanation loads it for the customers it asks about. The default is
    /// <see cref="SnapshotNeeds.None"/>: a predicate that reads nothing more costs nothing more.
    /// </summary>
    SnapshotNeeds Needs => SnapshotNeeds.None;
}
