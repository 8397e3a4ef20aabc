using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>The interaction log in the embedded store; ids come from the collection's auto-increment.</summary>
internal sealed class LiteInteractions(LiteSession session) : IInteractionStore
{
    private LiteStore Store => session.Store;

    public ValueTask<IReadOnlyList<Interaction>> AppendAsync(IReadOnlyList<Interaction> batch, IReadOnlyDictionary<CustomerCode, CustomerStats> stats, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var docs = new BsonDocument[batch.Count];
        for (var i = 0; i < docs.Length; i++) docs[i] = InteractionDocument.ToBson(batch[i]);
        Store.Interactions.InsertBulk(docs, batchSize: Math.Max(docs.Length, 1));
        var stored = new Interaction[docs.Length];
        for (var i = 0; i < docs.Length; i++) stored[i] = batch[i] with { Id = docs[i]["_id"].AsInt64 };
        foreach (var (code, figures) in stats)
            Store.SetStats(Store.FindCustomer(code.Value, writing: true) ?? throw new CustomerNotFoundException(code), figures);
        return Completed.Value<IReadOnlyList<Interaction>>(stored);
    }

    public ValueTask<IReadOnlyList<Interaction>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<Interaction>>(Of(customer.Value).ToArray());

    private IEnumerable<Interaction> Of(string code) =>
        Store.Interactions.Find(Query.EQ("c", code)).OrderBy(d => d["_id"].AsInt64).Select(InteractionDocument.FromBson);

    public ValueTask<Page<Interaction>> PageAsync(CustomerCode customer, PageRequest page, CancellationToken cancellationToken)
    {
        var all = Store.Interactions.Find(Query.EQ("c", customer.Value))
            .Select(InteractionDocument.FromBson)
            .OrderBy(i => i.OccurredAt.UtcTicks).ThenBy(i => i.Id)
            .Skip(page.Offset).Take(page.Size + 1).ToArray();
        return Completed.Value(new Page<Interaction>(all.Take(page.Size).ToArray(), page.Offset, all.Length > page.Size));
    }

    public ValueTask ReplaceAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        foreach (var interaction in interactions)
        {
            var doc = InteractionDocument.ToBson(interaction);
            doc["_id"] = interaction.Id;
            if (!Store.Interactions.Update(doc)) throw new InvalidOperationException($"Interaction {interaction.Id} is not stored; only stored interactions can be rewritten.");
            Store.Touch(interaction.Customer.Value);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<long> CountAsync(CancellationToken cancellationToken) => Completed.Value(Store.Interactions.LongCount());

    public IAsyncEnumerable<IReadOnlyList<Interaction>> ScanAsync(IReadOnlySet<InteractionKind>? kinds, CancellationToken cancellationToken)
    {
        var names = kinds?.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var docs = Store.Interactions.FindAll();
        if (names is not null) docs = docs.Where(d => names.Contains(d["k"].AsString));
        return Completed.Chunks(Completed.InChunks(docs.Select(InteractionDocument.FromBson), SnapshotScan.DefaultChunkSize), cancellationToken);
    }
}
