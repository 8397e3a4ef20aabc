namespace CrmKit;

/// <summary>How <see cref="CustomerBook.Sync"/> finds the customer a record stands for.</summary>
public enum SyncKey
{
    /// <summary>By the record's customer code (a merged-away code finds its survivor).</summary>
    Code,

    /// <summary>By the record's identifier in the feed's system, through the identity map.</summary>
    SourceId,
}
