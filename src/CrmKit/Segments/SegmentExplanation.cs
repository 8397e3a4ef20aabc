namespace CrmKit;

/// <summary>Why one customer is in or out of one segment, evaluated now.</summary>
/// <param name="Segment">The segment's name.</param>
/// <param name="Customer">The customer.</param>
/// <param name="Matches">True when the rule selects the customer now.</param>
/// <param name="IsMember">True when the stored membership (as of the last refresh) holds the customer.</param>
/// <param name="MemberSince">Since when, if a member.</param>
/// <param name="Conditions">For a filter, each clause; for a script, one line with its result.</param>
public sealed record SegmentExplanation(string Segment, CustomerCode Customer, bool Matches, bool IsMember, DateTimeOffset? MemberSince, IReadOnlyList<ClauseResult> Conditions);
