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
}
