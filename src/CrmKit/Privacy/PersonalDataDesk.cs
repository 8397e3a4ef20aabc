using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Answers a customer's data requests: export everything held about them, or erase their
/// personal data while keeping anonymised figures so totals still add up.
/// </summary>
public sealed class PersonalDataDesk
{
    private readonly CrmContext _context;

    internal PersonalDataDesk(CrmContext context) => _context = context;

    /// <summary>
    /// Everything held about a customer as indented JSON (UTF-8 text, Unicode kept as is):
    /// profile, stats, interactions, stage and grade history, claim, value figures, segments, care tasks and suppressions, campaign
    /// assignments, cases, contact attempts, owner changes, points ledger and referrals, merged codes and erasures.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public string Export(CustomerCode customer) => ExportCore(customer, default).Wait();

    /// <summary>The asynchronous form of <see cref="Export"/>.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Task<string> ExportAsync(CustomerCode customer, CancellationToken cancellationToken = default) => ExportCore(customer, cancellationToken).AsTask();

    internal ValueTask<string> ExportCore(CustomerCode customer, CancellationToken ct) => _context.Read(async (s, c) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
        var dossier = await CustomerDossier.GatherAsync(s, code, c).ConfigureAwait(false) ?? throw new CustomerNotFoundException(customer);
        return CustomerExport.ToJson(dossier);
    }, ct);

    /// <summary>
    /// Erases a customer's personal data in one transaction: name, attributes, tags, contact points,
    /// birthday, time zone and group leave the profile, every interaction loses its notes and
    /// metadata, every care task its note and outcome text, every contact attempt and owner change its note, every case
    /// its subject, notes and resolution summaries, and every ledger entry its note. The customer code, stage, consents (an opt-out must keep working), interaction
    /// kinds, channels, instants and amounts stay, so stats and totals are unchanged. The erasure is
    /// recorded. Call <see cref="CrmDatabase.Checkpoint"/> afterwards to move the change out of the
    /// log file at once.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public ErasureRecord Erase(CustomerCode customer, string actor, string reason) => EraseCore(customer, actor, reason, default).Wait();

    /// <summary>The asynchronous form of <see cref="Erase"/>; cancelling writes nothing.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Task<ErasureRecord> EraseAsync(CustomerCode customer, string actor, string reason, CancellationToken cancellationToken = default) =>
        EraseCore(customer, actor, reason, cancellationToken).AsTask();

    internal ValueTask<ErasureRecord> EraseCore(CustomerCode customer, string actor, string reason, CancellationToken cancellationToken)
    {
        Require.Name(actor, "actor");
        Require.Name(reason, "reason", Require.MaxTextLength);
        return _context.Write(async (s, ct) =>
        {
            var (code, record) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
            var current = record.Customer;
            var now = _context.Now;
            var erased = current with
            {
                Name = "(erased)",
                Attributes = new Dictionary<string, AttributeValue>(),
                Tags = [],
                ContactPoints = [],
                Birthday = null,
                TimeZone = null,
                Group = null,
                ErasedAt = now,
                UpdatedAt = now,
                Version = current.Version + 1,
            };
            await s.Customers.UpdateAsync(erased, current.Version, ct).ConfigureAwait(false);

            var interactions = await s.Interactions.OfAsync(code, ct).ConfigureAwait(false);
            await s.Interactions.ReplaceAsync(interactions.Select(i => i with { Notes = null, Metadata = new Dictionary<string, string>() }).ToArray(), ct).ConfigureAwait(false);

            // Care task notes and outcomes are free text (a script may have put the name in one).
            foreach (var task in await s.Care.OfAsync(code, ct).ConfigureAwait(false))
                await s.Care.UpdateAsync(task with { Note = null, Outcome = task.Outcome is null ? null : "(erased)" }, null, ct).ConfigureAwait(false);
            // Attempt notes and owner-change notes are free text too.
            await s.Operations.EraseNotesAsync(code, ct).ConfigureAwait(false);
            // Case subjects, notes and resolution summaries are free text too.
            foreach (var stored in await s.Cases.ListAsync(new CaseQuery { Customer = code }, ct).ConfigureAwait(false))
            {
                var erasedCase = CaseDocument.FromRecord(stored, _context.Store.Location).Erased();
                await s.Cases.UpdateAsync(CaseDocument.ToRecord(erasedCase), stored.Changes, ct).ConfigureAwait(false);
            }

            // Ledger notes are free text too; the points, sources and instants stay, so the balance does.
            var ledger = await s.Loyalty.EntriesOfAsync(code, ct).ConfigureAwait(false);
            if (ledger.Any(e => e.Note is not null))
                await s.Loyalty.ReplaceAsync(code, [.. ledger.Select(e => new Loyalty.LedgerEntry(e.Customer, e.Sequence, e.Kind, e.Points, e.At, e.Source, e.Actor, e.Rule))], ct).ConfigureAwait(false);

            var erasure = new ErasureRecord(code, now, actor, reason, interactions.Count);
            await s.Privacy.RecordErasureAsync(erasure, ct).ConfigureAwait(false);
            return erasure;
        }, cancellationToken);
    }
}
