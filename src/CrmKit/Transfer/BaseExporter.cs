using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Writes the whole base, table by table, in one read unit of work and in bounded memory: the
/// customers stream in chunks, and for each the things kept about it (stage and grade history,
/// claim, care tasks, segment memberships, source identifiers) go to their tables at once; the
/// interaction log streams in chunks. Rows come in a stable order (customers as the store scans
/// them, each customer's records in recording order), so one base always gives the same bytes.
/// </summary>
internal static class BaseExporter
{
    internal static async ValueTask<IReadOnlyDictionary<string, long>> ExportAsync(IStoreSession s, Func<TransferTable, RowSink> open, CancellationToken ct)
    {
        var sinks = new Dictionary<TransferTable, RowSink>();
        try
        {
            foreach (var table in TransferTable.All) sinks[table] = open(table);
            foreach (var segment in await s.Segments.AllAsync(ct).ConfigureAwait(false)) sinks[TransferTable.Segments].Write(RecordTables.Write(segment));
            await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.All(), ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                foreach (var snapshot in chunk) await ExportCustomerAsync(s, snapshot.Customer, sinks, ct).ConfigureAwait(false);
            }
            await foreach (var chunk in s.Interactions.ScanAsync(null, ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                foreach (var interaction in chunk) sinks[TransferTable.Interactions].Write(RecordTables.Write(interaction));
            }
            return TransferTable.All.ToDictionary(t => t.Name, t => sinks[t].Rows, StringComparer.Ordinal);
        }
        finally
        {
            foreach (var sink in sinks.Values) sink.Dispose();
        }
    }

    private static async ValueTask ExportCustomerAsync(IStoreSession s, Customer customer, Dictionary<TransferTable, RowSink> sinks, CancellationToken ct)
    {
        var code = customer.Code;
        sinks[TransferTable.Customers].Write(CustomerTable.Write(customer));
        foreach (var change in await s.Stages.OfAsync(code, ct).ConfigureAwait(false)) sinks[TransferTable.StageHistory].Write(RecordTables.Write(change));
        foreach (var change in await s.Grades.OfAsync(code, ct).ConfigureAwait(false)) sinks[TransferTable.GradeHistory].Write(RecordTables.Write(change));
        if (await s.Claims.GetAsync(code, ct).ConfigureAwait(false) is { } claim) sinks[TransferTable.Claims].Write(RecordTables.Write(claim));
        foreach (var task in (await s.Care.OfAsync(code, ct).ConfigureAwait(false)).OrderBy(t => t.Id)) sinks[TransferTable.Tasks].Write(RecordTables.Write(task));
        foreach (var member in (await s.Segments.OfAsync(code, ct).ConfigureAwait(false)).OrderBy(m => m.Segment, StringComparer.Ordinal))
            sinks[TransferTable.SegmentMembers].Write(RecordTables.Write(member));
        foreach (var identity in await s.Identities.SourcesOfAsync(code, ct).ConfigureAwait(false)) sinks[TransferTable.Identities].Write(RecordTables.Write(identity));
    }
}
