using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Restores an export into an empty database in one write unit of work: every row is checked as
/// the domain would check it (a failure names the file, line and column) and stored as it was
/// exported, bookkeeping included; stats are rebuilt from the interactions as they are appended.
/// Interaction and task ids are given anew, in the exported order.
/// </summary>
internal sealed class BaseRestorer(CrmContext context)
{
    private const int Chunk = 1_000;

    private readonly HashSet<CustomerCode> _customers = [];

    /// <param name="s">The write session.</param>
    /// <param name="rows">The rows of a table (with the file name and line of each), or null when the export has no such file.</param>
    /// <param name="ct">Cancels the restore; nothing is written.</param>
    internal async ValueTask<IReadOnlyDictionary<string, long>> RestoreAsync(IStoreSession s, Func<TransferTable, IEnumerable<RowFields>?> rows, CancellationToken ct)
    {
        if (await s.Customers.CountAsync(CustomerQuery.All, ct).ConfigureAwait(false) > 0 || await s.Interactions.CountAsync(ct).ConfigureAwait(false) > 0
            || (await s.Segments.AllAsync(ct).ConfigureAwait(false)).Count > 0)
            throw new CrmValidationException("database", "is not empty: an export is restored into a fresh database only.");
        _customers.Clear();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var refreshes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in TransferTable.All)
        {
            long count = 0;
            var interactions = new List<Interaction>(Chunk);
            foreach (var f in rows(table) ?? [])
            {
                ct.ThrowIfCancellationRequested();
                count++;
                if (table == TransferTable.Interactions)
                {
                    interactions.Add(Checked(f, RecordTables.ReadInteraction(f)));
                    if (interactions.Count == Chunk) await AppendAsync(s, interactions, ct).ConfigureAwait(false);
                    continue;
                }
                await RestoreRowAsync(s, table, f, refreshes, ct).ConfigureAwait(false);
            }
            if (interactions.Count > 0) await AppendAsync(s, interactions, ct).ConfigureAwait(false);
            if (table == TransferTable.SegmentMembers)
            {
                // The segments end with the refresh count they were exported with; their next refresh reads every customer.
                foreach (var (segment, refresh) in refreshes) await s.Segments.RecordRefreshAsync(new SegmentRefreshRecord(segment, refresh, 0, context.Now, []), ct).ConfigureAwait(false);
            }
            counts[table.Name] = count;
        }
        return counts;
    }

    private async ValueTask RestoreRowAsync(IStoreSession s, TransferTable table, RowFields f, Dictionary<string, long> refreshes, CancellationToken ct)
    {
        if (table == TransferTable.Customers)
        {
            var read = CustomerTable.Read(f);
            var customer = f.Checked(() => CheckCustomer(read));
            if (!_customers.Add(customer.Code)) throw f.Fail("code", $"'{customer.Code}' appears twice.");
            await s.Customers.InsertAsync(customer, ct).ConfigureAwait(false);
        }
        else if (table == TransferTable.StageHistory) await s.Stages.AppendAsync(Known(f, RecordTables.ReadStageChange(f), c => c.Customer), ct).ConfigureAwait(false);
        else if (table == TransferTable.GradeHistory) await s.Grades.AppendAsync(Known(f, RecordTables.ReadGradeChange(f), c => c.Customer), ct).ConfigureAwait(false);
        else if (table == TransferTable.Claims) await s.Claims.PutAsync(Known(f, RecordTables.ReadClaim(f), c => c.Customer), ct).ConfigureAwait(false);
        else if (table == TransferTable.Tasks)
        {
            var task = Known(f, RecordTables.ReadTask(f), t => t.Customer);
            // A task a merge kept beside the survivor's has a key marked with the merged code, which the
            // export does not carry: it is restored as a merged duplicate marked restored-1, restored-2…
            for (var n = 0; await s.Care.InsertAsync(task, n == 0 ? CareKeys.Stored(task) : CareKeys.MergedDuplicate(task, $"restored-{n}"), ct).ConfigureAwait(false) is null; n++) { }
        }
        else if (table == TransferTable.Segments)
        {
            var (definition, count) = RecordTables.ReadSegment(f);
            f.Checked(() => { definition.Check(); return definition; });
            if (!refreshes.TryAdd(definition.Name, count)) throw f.Fail("name", $"segment '{definition.Name}' appears twice.");
            await s.Segments.PutAsync(definition, ct).ConfigureAwait(false);
        }
        else if (table == TransferTable.SegmentMembers)
        {
            var member = Known(f, RecordTables.ReadMember(f), m => m.Customer);
            if (!refreshes.ContainsKey(member.Segment)) throw f.Fail("segment", $"'{member.Segment}' is not in the segments table.");
            var entered = new SegmentEvent(member.Segment, member.Customer, true, member.Since, member.SinceRefresh);
            await s.Segments.RecordRefreshAsync(new SegmentRefreshRecord(member.Segment, member.SinceRefresh, 0, member.Since, [entered]), ct).ConfigureAwait(false);
        }
        else if (table == TransferTable.Identities) await s.Identities.PutSourceAsync(Known(f, RecordTables.ReadIdentity(f), i => i.Customer), ct).ConfigureAwait(false);
    }

    private Customer CheckCustomer(Customer customer)
    {
        var options = context.Options;
        if (!options.Stages.Contains(customer.Stage))
            throw new CrmValidationException("stage", $"'{customer.Stage}' is not a stage of the model ({string.Join(", ", options.Stages.Stages)}).");
        if (customer.Grade is not null) GradeBook.Check(options, customer.Grade);
        return customer.Normalize(options.Attributes);
    }

    private Interaction Checked(RowFields f, Interaction interaction)
    {
        f.Checked(() => { interaction.Check(context.Options, null); return interaction; });
        return Known(f, interaction, i => i.Customer);
    }

    /// <summary>The record, after checking that its customer is in the customers table.</summary>
    private T Known<T>(RowFields f, T record, Func<T, CustomerCode> customer) =>
        _customers.Contains(customer(record)) ? record : throw f.Fail("customer", $"'{customer(record)}' is not in the customers table.");

    /// <summary>Appends a chunk of the log as it was recorded, with the stats of its customers carried forward.</summary>
    private async ValueTask AppendAsync(IStoreSession s, List<Interaction> interactions, CancellationToken ct)
    {
        var codes = interactions.Select(i => i.Customer).Distinct().OrderBy(c => c.Value, StringComparer.Ordinal).ToArray();
        var stored = await s.Customers.FindManyAsync(codes, ct).ConfigureAwait(false);
        var stats = new Dictionary<CustomerCode, CustomerStats>();
        foreach (var group in interactions.GroupBy(i => i.Customer))
        {
            var acc = new StatsAccumulator(context.Options, stored[group.Key].Stats);
            foreach (var interaction in group) acc.Add(interaction);
            stats[group.Key] = acc.ToStats();
        }
        await s.Interactions.AppendAsync([.. interactions], stats, ct).ConfigureAwait(false);
        interactions.Clear();
    }
}
