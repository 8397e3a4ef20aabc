namespace CrmKit.Storage;

/// <summary>What one refresh of a segment changed.</summary>
/// <param name="Segment">The segment's name.</param>
/// <param name="Refresh">The refresh's number.</param>
/// <param name="Through">The change sequence number the refresh saw.</param>
/// <param name="At">When it ran.</param>
/// <param name="Events">Who entered and who left, in the order decided.</param>
public sealed record SegmentRefreshRecord(string Segment, long Refresh, long Through, DateTimeOffset At, IReadOnlyList<SegmentEvent> Events);
