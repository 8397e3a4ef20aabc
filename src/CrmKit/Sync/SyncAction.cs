namespace CrmKit;

/// <summary>What <see cref="CustomerBook.Sync"/> did with one record.</summary>
public enum SyncAction
{
    /// <summary>No customer matched the record's key: a new customer was created.</summary>
    Created,

    /// <summary>The record's customer existed and something changed.</summary>
    Updated,

    /// <summary>The record's customer existed and the record changed nothing.</summary>
    Unchanged,

    /// <summary>The record was new but matched an existing customer on a configured reason, and was merged into it.</summary>
    Merged,
}
