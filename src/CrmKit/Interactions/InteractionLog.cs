using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// The append-only log of interactions, and the <see cref="CustomerStats"/> kept from it in the
/// same transaction as every append.
/// </summary>
public sealed class InteractionLog
{
    private readonly CrmContext _context;

    internal InteractionLog(CrmContext context) => _context = context;

    /// <summary>Appends one interaction and updates the customer's stats; returns it with its id.</summary>
    /// <exception cref="CrmValidationException">A field is invalid; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">The customer does not exist; nothing was written.</exception>
    public Interaction Record(Interaction interaction) => RecordCore(interaction, default).Wait();

    /// <summary>The asynchronous form of <see cref="Record"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">A field is invalid; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">The customer does not exist; nothing was written.</exception>
    public Task<Interaction> RecordAsync(Interaction interaction, CancellationToken cancellationToken = default) => RecordCore(interaction, cancellationToken).AsTask();

    internal async ValueTask<Interaction> RecordCore(Interaction interaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        interaction.Check(_context.Options, null);
        return (await _context.Write((s, c) => AppendAsync(s, [interaction], c), ct).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Appends a batch of interactions and updates the stats of every customer involved, all in one
    /// transaction: either the whole batch is recorded or none of it. Returns them with their ids,
    /// in the order given.
    /// </summary>
    /// <exception cref="CrmValidationException">An interaction is invalid (the field names its index); nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">A customer does not exist; nothing was written.</exception>
    public IReadOnlyList<Interaction> RecordBatch(IEnumerable<Interaction> interactions) => Tracing.Import("interactions", () => RecordBatchCore(interactions, default)).Wait();

    /// <summary>The asynchronous form of <see cref="RecordBatch"/> (the bulk path of imports): the whole batch or, also when cancelled, none of it.</summary>
    /// <exception cref="CrmValidationException">An interaction is invalid (the field names its index); nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">A customer does not exist; nothing was written.</exception>
    public Task<IReadOnlyList<Interaction>> RecordBatchAsync(IEnumerable<Interaction> interactions, CancellationToken cancellationToken = default) =>
        Tracing.Import("interactions", () => RecordBatchCore(interactions, cancellationToken)).AsTask();

    internal ValueTask<IReadOnlyList<Interaction>> RecordBatchCore(IEnumerable<Interaction> interactions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var batch = interactions.ToArray();
        for (var i = 0; i < batch.Length; i++)
        {
            if (batch[i] is null) throw new CrmValidationException($"interactions[{i}]", "is null.");
            batch[i].Check(_context.Options, i);
        }
        return batch.Length == 0 ? ValueTask.FromResult<IReadOnlyList<Interaction>>([]) : _context.Write((s, c) => AppendAsync(s, batch, c), ct);
    }

    /// <summary>
    /// Checks an interaction's fields as <see cref="Record"/> would (limits, amount sign for the
    /// purchase and refund kinds) without writing anything or looking up its customer.
    /// </summary>
    /// <exception cref="CrmValidationException">A field is invalid; the message names it.</exception>
    public void Validate(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        interaction.Check(_context.Options, null);
    }

    /// <summary>How many interactions the log holds.</summary>
    public long Count() => _context.Read((s, c) => s.Interactions.CountAsync(c), default).Wait();

    /// <summary>A customer's interactions (after resolving merges), oldest first, in pages.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Page<Interaction> For(CustomerCode customer, PageRequest page) => ForCore(customer, page, default).Wait();

    /// <summary>The asynchronous form of <see cref="For"/>.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Task<Page<Interaction>> ForAsync(CustomerCode customer, PageRequest page, CancellationToken cancellationToken = default) =>
        ForCore(customer, page, cancellationToken).AsTask();

    internal ValueTask<Page<Interaction>> ForCore(CustomerCode customer, PageRequest page, CancellationToken ct)
    {
        page.Check();
        return _context.Read(async (s, c) =>
        {
            var (code, _) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
            return await s.Interactions.PageAsync(code, page, c).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>The stored stats of a customer (after resolving merges); reads no interactions.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public CustomerStats Stats(CustomerCode customer) =>
        _context.Read(async (s, c) => (await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false)).Record.Stats, default).Wait();

    /// <summary>Recomputes a customer's stats from the log, stores and returns them.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public CustomerStats RebuildStats(CustomerCode customer) => _context.Write(async (s, c) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
        var stats = Fold(_context.Options, await s.Interactions.OfAsync(code, c).ConfigureAwait(false));
        await s.Customers.SetStatsAsync(code, stats, c).ConfigureAwait(false);
        return stats;
    }, default).Wait();

    /// <summary>Recomputes every customer's stats from the log in one transaction; returns how many were rebuilt.</summary>
    public int RebuildAllStats() => RebuildAllStatsCore(default).Wait();

    /// <summary>The asynchronous form of <see cref="RebuildAllStats"/>; cancelling writes nothing.</summary>
    public Task<int> RebuildAllStatsAsync(CancellationToken cancellationToken = default) => RebuildAllStatsCore(cancellationToken).AsTask();

    internal ValueTask<int> RebuildAllStatsCore(CancellationToken ct) => _context.Write(async (s, c) =>
    {
        var byCustomer = new Dictionary<CustomerCode, StatsAccumulator>();
        await foreach (var chunk in s.Interactions.ScanAsync(null, c).ConfigureAwait(false))
        {
            foreach (var i in chunk)
            {
                if (!byCustomer.TryGetValue(i.Customer, out var acc)) byCustomer[i.Customer] = acc = new StatsAccumulator(_context.Options, CustomerStats.Empty);
                acc.Add(i);
            }
        }
        var codes = new List<CustomerCode>();
        await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.All(), c).ConfigureAwait(false)) codes.AddRange(chunk.Select(x => x.Customer.Code));
        foreach (var code in codes)
        {
            var stats = byCustomer.TryGetValue(code, out var acc) ? acc.ToStats() : CustomerStats.Empty;
            await s.Customers.SetStatsAsync(code, stats, c).ConfigureAwait(false);
        }
        return codes.Count;
    }, ct);

    /// <summary>Replays interactions in recording (id) order into stats.</summary>
    internal static CustomerStats Fold(CrmOptions options, IEnumerable<Interaction> interactions)
    {
        var acc = new StatsAccumulator(options, CustomerStats.Empty);
        foreach (var i in interactions.OrderBy(i => i.Id)) acc.Add(i);
        return acc.ToStats();
    }

    /// <summary>
    /// Appends checked interactions inside the caller's write (care closes a task and records its
    /// contact at once): resolves each customer, folds the batch into its stats, and hands the
    /// store the batch with the new stats.
    /// </summary>
    internal async ValueTask<IReadOnlyList<Interaction>> AppendAsync(IStoreSession s, Interaction[] batch, CancellationToken ct)
    {
        var now = _context.Now;
        var byGiven = new Dictionary<CustomerCode, (CustomerCode Code, CustomerStats Stats)>();
        // Customers are loaded at once, in code order: a server store locks each one it loads inside
        // a write, so two writers whose batches share customers lock them in the same order and
        // cannot deadlock. Codes merged away are resolved after that, one by one.
        var codes = batch.Select(b => b.Customer).Distinct().OrderBy(c => c.Value, StringComparer.Ordinal).ToArray();
        var live = await s.Customers.FindManyAsync(codes, ct).ConfigureAwait(false);
        foreach (var given in codes)
        {
            if (live.TryGetValue(given, out var found))
            {
                byGiven[given] = (given, found.Stats);
                continue;
            }
            var (code, record) = await CrmContext.LoadAsync(s, given, ct).ConfigureAwait(false);
            byGiven[given] = (code, record.Stats);
        }
        var stored = new Interaction[batch.Length];
        for (var i = 0; i < batch.Length; i++)
            stored[i] = batch[i] with { Customer = byGiven[batch[i].Customer].Code, RecordedAt = now };

        var existing = byGiven.Values.DistinctBy(e => e.Code).ToDictionary(e => e.Code, e => e.Stats);
        var stats = new Dictionary<CustomerCode, CustomerStats>();
        foreach (var group in stored.GroupBy(x => x.Customer))
        {
            var acc = new StatsAccumulator(_context.Options, existing[group.Key]);
            foreach (var interaction in group) acc.Add(interaction);
            stats[group.Key] = acc.ToStats();
        }
        var recorded = await s.Interactions.AppendAsync(stored, stats, ct).ConfigureAwait(false);
        // Points earned by the interactions go in the same write (see LoyaltyBook).
        if (_context.Options.Loyalty is { Rules.Count: > 0 } program)
            await Loyalty.LoyaltyEarning.CreditAsync(_context, s, program, recorded, now, ct).ConfigureAwait(false);
        return recorded;
    }
}
