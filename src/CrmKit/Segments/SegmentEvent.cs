namespace CrmKit;

/// <summary>A customer entered or left a segment during a refresh. Recorded, never changed.</summary>
/// <param name="Segment">The segment's name.</param>
/// <param name="Customer">The customer.</param>
/// <param name="Entered">True when the customer entered; false when they left.</param>
/// <param name="At">When the refresh ran.</param>
/// <param name="Refresh">The number of the refresh (1 for the segment's first).</param>
public sealed record SegmentEvent(string Segment, CustomerCode Customer, bool Entered, DateTimeOffset At, long Refresh);
