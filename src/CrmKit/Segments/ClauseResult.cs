namespace CrmKit;

/// <summary>How one condition of a segment came out for one customer.</summary>
/// <param name="Condition">The condition in words, for example <c>stage in growing, mature</c> or <c>script vip.csx</c>.</param>
/// <param name="Held">True when it held.</param>
/// <param name="Observed">What the customer has, for example <c>stage is 'prospect'</c>.</param>
public sealed record ClauseResult(string Condition, bool Held, string Observed);
