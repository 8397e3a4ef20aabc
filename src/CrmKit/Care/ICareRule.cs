namespace CrmKit;

/// <summary>
/// A care rule: for one customer at one instant, the care actions it proposes. Built-in rules
/// (<see cref="CareRules"/>) and care scripts (CrmKit.Scripting) both plug in here.
/// </summary>
/// <remarks>
/// Implementations must be pure and thread-safe: a sweep calls <see cref="Propose"/> for many
/// customers at once, and the answer may depend only on the snapshot and <c>now</c>.
/// </remarks>
public interface ICareRule
{
    /// <summary>The rule's name (lower-case, for example <c>birthday</c>); part of every occasion key it makes.</summary>
    string Name { get; }

    /// <summary>The care actions <paramref name="customer"/> needs at <paramref name="now"/>.</summary>
    IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now);

    /// <summary>
    /// The care actions for a chunk of customers at <paramref name="now"/>, one outcome per customer
    /// in order. A customer whose evaluation fails gets a failed outcome and the others are still
    /// answered. Sweeps call this; the default asks <see cref="Propose(CustomerSnapshot, DateTimeOffset)"/>
    /// once per customer, so only rules that gain from batching (such as scripts evaluated in a
    /// worker process) override it.
    /// </summary>
    Outcome<IReadOnlyList<CareAction>>[] ProposeAll(IReadOnlyList<CustomerSnapshot> customers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var outcomes = new Outcome<IReadOnlyList<CareAction>>[customers.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            try
            {
                outcomes[i] = Outcome<IReadOnlyList<CareAction>>.Of([.. Propose(customers[i], now)]);
            }
            catch (Exception e)
            {
                outcomes[i] = Outcome<IReadOnlyList<CareAction>>.Failed(e);
            }
        }
        return outcomes;
    }

    /// <summary>
    /// What the rule reads beyond the profile, stats and value figures (interaction metadata, other
    /// segments, open tasks), so a sweep loads it for the customers it asks about. The default is
    /// <see cref="SnapshotNeeds.None"/>: a rule that reads nothing more costs nothing more.
    /// </summary>
    SnapshotNeeds Needs => SnapshotNeeds.None;
}
