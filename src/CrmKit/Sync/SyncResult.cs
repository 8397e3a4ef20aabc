namespace CrmKit;

/// <summary>What one <see cref="CustomerBook.Sync"/> did, record by record, and the duplicates it found.</summary>
/// <param name="Records">Each record's outcome, in feed order.</param>
/// <param name="Matches">The review-list entries the sync added: new customers that look like existing ones (or like each other).</param>
/// <param name="Merges">The automatic merges the sync made, where <see cref="SyncOptions.MergeOn"/> allowed them.</param>
/// <param name="Kept">Values the feed gave that another system's value already held, kept aside (see <see cref="KeptValue"/>).</param>
public sealed record SyncResult(IReadOnlyList<SyncedRecord> Records, IReadOnlyList<DuplicateMatch> Matches, IReadOnlyList<MergeRecord> Merges, int Kept)
{
    /// <summary>How many records created a customer.</summary>
    public int Created => Records.Count(r => r.Action == SyncAction.Created);

    /// <summary>How many records changed an existing customer.</summary>
    public int Updated => Records.Count(r => r.Action == SyncAction.Updated);

    /// <summary>How many records found their customer as it was.</summary>
    public int Unchanged => Records.Count(r => r.Action == SyncAction.Unchanged);

    /// <summary>How many new records were merged into an existing customer.</summary>
    public int Merged => Records.Count(r => r.Action == SyncAction.Merged);
}
