using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

internal sealed class MemoryInteractions(MemorySession session) : IInteractionStore
{
    private MemoryState State => session.State;

    public ValueTask<IReadOnlyList<Interaction>> AppendAsync(IReadOnlyList<Interaction> batch, IReadOnlyDictionary<CustomerCode, CustomerStats> stats, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var stored = batch.Select(i => i with { Id = State.NextInteraction++ }).ToArray();
        foreach (var i in stored) State.Interactions[i.Id] = i;
        foreach (var (code, figures) in stats)
        {
            if (!State.Customers.TryGetValue(code.Value, out var customer)) throw new CustomerNotFoundException(code);
            State.Customers[code.Value] = customer with { Stats = figures };
            session.Touch(code.Value);
        }
        return ValueTask.FromResult<IReadOnlyList<Interaction>>(stored);
    }

    public ValueTask<IReadOnlyList<Interaction>> OfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<Interaction>>(State.Interactions.Values.Where(i => i.Customer == customer).ToArray());
    }

    public ValueTask<Page<Interaction>> PageAsync(CustomerCode customer, PageRequest page, CancellationToken cancellationToken)
    {
        session.Check();
        var all = State.Interactions.Values.Where(i => i.Customer == customer).OrderBy(i => i.OccurredAt.UtcTicks).ThenBy(i => i.Id)
            .Skip(page.Offset).Take(page.Size + 1).ToArray();
        return ValueTask.FromResult(new Page<Interaction>(all.Take(page.Size).ToArray(), page.Offset, all.Length > page.Size));
    }

    public ValueTask ReplaceAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        foreach (var i in interactions)
        {
            if (!State.Interactions.ContainsKey(i.Id)) throw new InvalidOperationException($"Interaction {i.Id} is not stored.");
            State.Interactions[i.Id] = i;
            session.Touch(i.Customer.Value);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<long> CountAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult((long)State.Interactions.Count);
    }

    public IAsyncEnumerable<IReadOnlyList<Interaction>> ScanAsync(IReadOnlySet<InteractionKind>? kinds, CancellationToken cancellationToken)
    {
        session.Check();
        return MemoryChunks.Of(State.Interactions.Values.Where(i => kinds is null || kinds.Contains(i.Kind)).ToArray(), cancellationToken);
    }
}

internal sealed class MemoryStages(MemorySession session) : IStageHistoryStore
{
    public ValueTask AppendAsync(StageChange change, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.State.Stages.Add(change);
        session.Touch(change.Customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<StageChange>> OfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<StageChange>>(session.State.Stages.Where(s => s.Customer == customer).ToArray());
    }

    public IAsyncEnumerable<IReadOnlyList<StageChange>> ScanAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        session.Check();
        return MemoryChunks.Of(session.State.Stages.Where(s => s.At >= from && s.At < to).ToArray(), cancellationToken);
    }

    public ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var moved = 0;
        var stages = session.State.Stages;
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i].Customer != from) continue;
            stages[i] = stages[i] with { Customer = to, MergedFrom = stages[i].MergedFrom ?? from };
            moved++;
        }
        return ValueTask.FromResult(moved);
    }
}
