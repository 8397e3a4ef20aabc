namespace CrmKit.Loyalty;

/// <summary>
/// An earn rule: for one recorded interaction, the points it awards. Built-in rules
/// (<see cref="EarnRules"/>) and a host's own rules (a birthday bonus, double points in a
/// campaign) plug in here.
/// </summary>
/// <remarks>
/// Implementations must be pure and thread-safe: the answer may depend only on the context.
/// Each award is credited once per rule and source, so a rule may safely be asked again about
/// an interaction it has seen.
/// </remarks>
public interface IEarnRule
{
    /// <summary>The rule's name (lower-case, for example <c>purchase-points</c>); recorded on every entry it earns.</summary>
    string Name { get; }

    /// <summary>The points <paramref name="context"/>'s interaction earns, for whom.</summary>
    IEnumerable<PointsAward> Award(EarnContext context);
}
