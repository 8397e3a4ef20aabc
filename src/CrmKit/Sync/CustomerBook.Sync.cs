using CrmKit.Storage;

namespace CrmKit;

public sealed partial class CustomerBook
{
    /// <summary>
    /// Applies a feed of customer records from a source system in one transaction: the customers
    /// that exist are updated (with <see cref="SyncOptions.Update"/>), the rest are created. A record
    /// finds its customer by code or, through the identity map, by its identifier in the feed's
    /// system (<see cref="SyncOptions.Key"/>), so the same feed run again updates rather than
    /// duplicates, and feeds from several systems meet in one customer. Each record's stage is
    /// recorded with the reason <c>imported</c>; grade changes are recorded as any other change.
    /// New customers are matched against the base and each other by normalised phone, email and
    /// <see cref="SyncOptions.IdentityAttributes"/>; a match goes to the review list
    /// (<see cref="IdentityBook.Matches"/>), or is merged at once where <see cref="SyncOptions.MergeOn"/>
    /// says so. With <see cref="SyncOptions.System"/>, a value another system gave is not replaced;
    /// the feed's different value is kept aside (<see cref="IdentityBook.Kept"/>).
    /// </summary>
    /// <returns>What happened to each record, the matches added to the review list and the merges made.</returns>
    /// <exception cref="CrmValidationException">
    /// The options or a record are invalid, two records share a key, a customer exists without
    /// <see cref="SyncOptions.Update"/>, or a record's stage cannot follow the customer's current one in
    /// the stage model; the field names the record, as in <c>records[3].stage</c>. Nothing was written.
    /// </exception>
    /// <remarks>Thread-safe; one sync is one write, serialised with every other.</remarks>
    public SyncResult Sync(IEnumerable<SourceRecord> records, SyncOptions options) => SyncCore(records, options, default).Wait();

    /// <summary>The asynchronous form of <see cref="Sync"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">As <see cref="Sync"/>; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<SyncResult> SyncAsync(IEnumerable<SourceRecord> records, SyncOptions options, CancellationToken cancellationToken = default) =>
        SyncCore(records, options, cancellationToken).AsTask();

    internal ValueTask<SyncResult> SyncCore(IEnumerable<SourceRecord> records, SyncOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CustomerSync(_context, this, options).RunAsync(records, ct);
    }
}
