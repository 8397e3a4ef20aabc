using CrmKit.Storage;
using LiteDB;

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
    public Interaction Record(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        interaction.Check(_context.Options, null);
        return Append([interaction])[0];
    }

    /// <summary>
    /// Appends a batch of interactions and updates the stats of every customer involved, all in one
    /// transaction: either the whole batch is recorded or none of it. Returns them with their ids,
    /// in the order given.
    /// </summary>
    /// <exception cref="CrmValidationException">An interaction is invalid (the field names its index); nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">A customer does not exist; nothing was written.</exception>
    public IReadOnlyList<Interaction> RecordBatch(IEnumerable<Interaction> interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var batch = interactions.ToArray();
        for (var i = 0; i < batch.Length; i++)
        {
            if (batch[i] is null) throw new CrmValidationException($"interactions[{i}]", "is null.");
            batch[i].Check(_context.Options, i);
        }
        return batch.Length == 0 ? [] : Append(batch);
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
    public long Count() => _context.Store.Interactions.LongCount();

    /// <summary>A customer's interactions (after resolving merges), oldest first, in pages.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Page<Interaction> For(CustomerCode customer, PageRequest page)
    {
        page.Check();
        _context.Load(customer, out var code);
        var all = _context.Store.Interactions.Find(Query.EQ("c", code.Value))
            .Select(InteractionDocument.FromBson)
            .OrderBy(i => i.OccurredAt.UtcTicks).ThenBy(i => i.Id)
            .Skip(page.Offset).Take(page.Size + 1).ToArray();
        return new Page<Interaction>(all.Take(page.Size).ToArray(), page.Offset, all.Length > page.Size);
    }

    /// <summary>The stored stats of a customer (after resolving merges); reads no interactions.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public CustomerStats Stats(CustomerCode customer)
    {
        return StatsDocument.FromBson(LiteStore.StatsOf(_context.Load(customer, out _)));
    }

    /// <summary>Recomputes a customer's stats from the log, stores and returns them.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public CustomerStats RebuildStats(CustomerCode customer) => _context.Store.Write(() =>
    {
        var doc = _context.Load(customer, out var code);
        var stats = Fold(_context, _context.Store.Interactions.Find(Query.EQ("c", code.Value)));
        _context.Store.SetStats(doc, stats);
        return stats;
    });

    /// <summary>Recomputes every customer's stats from the log in one transaction; returns how many were rebuilt.</summary>
    public int RebuildAllStats() => _context.Store.Write(() =>
    {
        var store = _context.Store;
        var byCustomer = store.Interactions.FindAll().GroupBy(d => d["c"].AsString).ToDictionary(g => g.Key, g => g.ToList());
        var count = 0;
        foreach (var doc in store.Customers.FindAll().ToList())
        {
            var stats = byCustomer.TryGetValue(doc["_id"].AsString, out var docs) ? Fold(_context, docs) : CustomerStats.Empty;
            store.SetStats(doc, stats);
            count++;
        }
        return count;
    });

    /// <summary>Replays stored interactions in recording order into stats.</summary>
    internal static CustomerStats Fold(CrmContext context, IEnumerable<BsonDocument> interactions)
    {
        var acc = new StatsAccumulator(context.Options, CustomerStats.Empty);
        foreach (var doc in interactions.OrderBy(d => d["_id"].AsInt64)) acc.Add(InteractionDocument.FromBson(doc));
        return acc.ToStats();
    }

    private Interaction[] Append(Interaction[] batch) => _context.Store.Write(() => AppendInWrite(batch));

    /// <summary>Appends checked interactions inside the caller's write (care closes a task and records its contact at once).</summary>
    internal Interaction[] AppendInWrite(Interaction[] batch)
    {
        var store = _context.Store;
        var now = _context.Now;
        // A customer's stats live in its document, so reading it both proves the customer exists
        // and gives the figures to update: one read and one write per customer.
        var statsByGiven = new Dictionary<CustomerCode, (CustomerCode Code, BsonDocument Existing)>();
        var stored = new Interaction[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            var given = batch[i].Customer;
            if (!statsByGiven.TryGetValue(given, out var entry))
            {
                var code = given;
                var existing = store.Customers.FindById(given.Value) ?? _context.Load(given, out code);
                statsByGiven[given] = entry = (code, existing);
            }
            stored[i] = batch[i] with { Customer = entry.Code, RecordedAt = now };
        }

        var docs = new BsonDocument[stored.Length];
        for (var i = 0; i < stored.Length; i++) docs[i] = InteractionDocument.ToBson(stored[i]);
        store.Interactions.InsertBulk(docs, batchSize: Math.Max(docs.Length, 1));
        for (var i = 0; i < stored.Length; i++) stored[i] = stored[i] with { Id = docs[i]["_id"].AsInt64 };

        var existingByCode = statsByGiven.Values.DistinctBy(e => e.Code).ToDictionary(e => e.Code, e => e.Existing);
        foreach (var group in stored.GroupBy(s => s.Customer))
        {
            var existing = existingByCode[group.Key];
            var acc = new StatsAccumulator(_context.Options, StatsDocument.FromBson(LiteStore.StatsOf(existing)));
            foreach (var interaction in group) acc.Add(interaction);
            store.SetStats(existing, acc.ToStats());
        }
        return stored;
    }
}
