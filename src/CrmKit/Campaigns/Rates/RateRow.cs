namespace CrmKit;

/// <summary>One row of a <see cref="RateReport"/>.</summary>
/// <param name="Key">The segment, owner, channel, campaign or period label; <c>all</c> for an uncut report.</param>
/// <param name="Rate">The rate in that row.</param>
public sealed record RateRow(string Key, Rate Rate);
