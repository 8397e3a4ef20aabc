namespace CrmKit;

/// <summary>How many active cases have an age in [<see cref="From"/>, <see cref="To"/>); <see cref="To"/> null for the open-ended last band.</summary>
/// <param name="From">The band's lower bound (inclusive).</param>
/// <param name="To">The band's upper bound (exclusive), or null.</param>
/// <param name="Count">Cases in the band.</param>
public sealed record AgeBandCount(TimeSpan From, TimeSpan? To, int Count);
