namespace CrmKit.Storage;

/// <summary>A stored segment definition with its refresh bookkeeping.</summary>
/// <param name="Definition">The definition.</param>
/// <param name="Refreshes">How many refreshes have run (the last refresh's number); 0 before the first.</param>
/// <param name="RefreshedThrough">The change sequence number the last refresh saw; null before the first refresh and after a redefinition.</param>
/// <param name="RefreshedAt">When the last refresh ran.</param>
public sealed record StoredSegment(SegmentDefinition Definition, long Refreshes, long? RefreshedThrough, DateTimeOffset? RefreshedAt);
