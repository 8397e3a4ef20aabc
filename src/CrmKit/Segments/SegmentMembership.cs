namespace CrmKit;

/// <summary>A customer's current membership of a segment and since when.</summary>
/// <param name="Segment">The segment's name.</param>
/// <param name="Customer">The member.</param>
/// <param name="Since">When the refresh that added the customer ran.</param>
/// <param name="SinceRefresh">The number of that refresh.</param>
public sealed record SegmentMembership(string Segment, CustomerCode Customer, DateTimeOffset Since, long SinceRefresh);
