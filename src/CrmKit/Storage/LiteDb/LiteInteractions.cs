using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// The interaction log in the embedded store. Each interaction is keyed by its customer's code and
/// its id (<see cref="InteractionDocument.Key"/>), so a customer's interactions are read as one
/// range of the primary key; ids come from a counter in the meta collection, in recording order.
/// </summary>
internal sealed class LiteInteractions(LiteSession session) : IInteractionStore
{
    private LiteStore Store => session.Store;

    public ValueTask<IReadOnlyList<Interaction>> AppendAsync(IReadOnlyList<Interaction> batch, IReadOnlyDictionary<CustomerCode, CustomerStats> stats, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        // Each customer's document gets its stats; its stored code keys the interactions (the
        // file compares codes without regard to case, so the code given may differ in case).
        var docs = Store.FindCustomers(stats.Keys.Select(c => c.Value), writing: true);
        var stored = new Dictionary<CustomerCode, string>(stats.Count);
        var changes = new List<(BsonDocument, CustomerStats)>(stats.Count);
        foreach (var (code, figures) in stats)
        {
            var doc = docs.GetValueOrDefault(code.Value) ?? throw new CustomerNotFoundException(code);
            changes.Add((doc, figures));
            stored[code] = doc["_id"].AsString;
        }
        Store.SetStats(changes);
        var first = Store.TakeInteractionIds(batch.Count);
        var records = new BsonDocument[batch.Count];
        var result = new Interaction[batch.Count];
        for (var i = 0; i < records.Length; i++)
        {
            var code = stored.TryGetValue(batch[i].Customer, out var known) ? known : batch[i].Customer.Value;
            result[i] = batch[i] with { Id = first + i };
            records[i] = InteractionDocument.ToBson(result[i], code, first + i);
        }
        Store.Interactions.InsertBulk(records, batchSize: Math.Max(records.Length, 1));
        return Completed.Value<IReadOnlyList<Interaction>>(result);
    }

    public ValueTask<IReadOnlyList<Interaction>> OfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        var all = Of(customer.Value).ToArray();
        if (session.Writable) Store.RememberOwners(all);
        return Completed.Value<IReadOnlyList<Interaction>>(all);
    }

    /// <summary>A code's interactions in id order: one range of the primary key, under the code the customer is stored with.</summary>
    private IEnumerable<Interaction> Of(string code)
    {
        var stored = Store.FindCustomer(code, session.Writable)?["_id"].AsString ?? code;
        return Store.Interactions.Find(Where.Between("_id", InteractionDocument.Prefix(stored), InteractionDocument.After(stored)))
            .Select(InteractionDocument.FromBson);
    }

    public ValueTask<Page<Interaction>> PageAsync(CustomerCode customer, PageRequest page, CancellationToken cancellationToken)
    {
        var all = Of(customer.Value)
            .OrderBy(i => i.OccurredAt.UtcTicks).ThenBy(i => i.Id)
            .Skip(page.Offset).Take(page.Size + 1).ToArray();
        return Completed.Value(new Page<Interaction>(all.Take(page.Size).ToArray(), page.Offset, all.Length > page.Size));
    }

    public ValueTask ReplaceAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        foreach (var interaction in interactions)
        {
            // A merge moves interactions to another code, and so to another key: the old one goes.
            var owner = Store.OwnerOf(interaction.Id) ?? throw new InvalidOperationException($"Interaction {interaction.Id} is not stored; only stored interactions can be rewritten.");
            var code = Store.FindCustomer(interaction.Customer.Value, writing: true)?["_id"].AsString ?? interaction.Customer.Value;
            var doc = InteractionDocument.ToBson(interaction, code, interaction.Id);
            if (owner == code) Store.Interactions.Update(doc);
            else
            {
                Store.Interactions.Delete(InteractionDocument.Key(owner, interaction.Id));
                Store.Interactions.Insert(doc);
                Store.Touch(owner);
            }
            Store.Touch(code);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<long> CountAsync(CancellationToken cancellationToken) => Completed.Value(Store.Interactions.LongCount());

    public IAsyncEnumerable<IReadOnlyList<Interaction>> ScanAsync(IReadOnlySet<InteractionKind>? kinds, CancellationToken cancellationToken)
    {
        var names = kinds?.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var docs = Store.Interactions.FindAll();
        if (names is not null) docs = docs.Where(d => names.Contains(InteractionDocument.KindOf(d)));
        return Completed.Chunks(Completed.InChunks(docs.Select(InteractionDocument.FromBson), LiteScan.MostPerChunk), cancellationToken);
    }
}
