namespace CrmKit;

/// <summary>What happened to one record of a sync.</summary>
/// <param name="Index">The record's position in the feed, from 0.</param>
/// <param name="Customer">The customer the record ended in (for a merged record, the survivor).</param>
/// <param name="Action">Created, updated, unchanged or merged.</param>
public sealed record SyncedRecord(int Index, CustomerCode Customer, SyncAction Action);
