using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

internal sealed class MemoryOperations(MemorySession session) : IOperationStore
{
    private MemoryState State => session.State;

    public ValueTask<ContactAttempt> AppendAttemptAsync(ContactAttempt attempt, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var stored = attempt with { Id = State.Attempts.Count == 0 ? 1 : State.Attempts.Keys.Max() + 1 };
        State.Attempts[stored.Id] = stored;
        return ValueTask.FromResult(stored);
    }

    public ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfTaskAsync(long task, CancellationToken cancellationToken) => Attempts(a => a.Task == task);

    public ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfCaseAsync(long caseId, CancellationToken cancellationToken) => Attempts(a => a.Case == caseId);

    public ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfAsync(CustomerCode customer, CancellationToken cancellationToken) => Attempts(a => a.Customer == customer);

    public ValueTask<IReadOnlyList<ContactAttempt>> AttemptsBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Attempts(a => a.At >= from && a.At < to);

    public ValueTask<IReadOnlyDictionary<long, int>> AttemptCountsAsync(IReadOnlyCollection<long> tasks, CancellationToken cancellationToken)
    {
        session.Check();
        var wanted = tasks.ToHashSet();
        return ValueTask.FromResult<IReadOnlyDictionary<long, int>>(State.Attempts.Values.Where(a => a.Task is { } t && wanted.Contains(t))
            .GroupBy(a => a.Task!.Value).ToDictionary(g => g.Key, g => g.Count()));
    }

    public ValueTask<OwnerChange> AppendOwnerChangeAsync(OwnerChange change, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var stored = change with { Id = State.OwnerChanges.Count == 0 ? 1 : State.OwnerChanges.Keys.Max() + 1 };
        State.OwnerChanges[stored.Id] = stored;
        return ValueTask.FromResult(stored);
    }

    public ValueTask<IReadOnlyList<OwnerChange>> OwnerChangesOfAsync(CustomerCode customer, CancellationToken cancellationToken) => Changes(c => c.Customer == customer);

    public ValueTask<IReadOnlyList<OwnerChange>> OwnerChangesOfTaskAsync(long task, CancellationToken cancellationToken) => Changes(c => c.Task == task);

    public ValueTask<int> MoveCustomerAsync(CustomerCode merged, CustomerCode survivor, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var n = 0;
        foreach (var a in State.Attempts.Values.Where(a => a.Customer == merged).ToArray())
        {
            State.Attempts[a.Id] = a with { Customer = survivor };
            n++;
        }
        foreach (var c in State.OwnerChanges.Values.Where(c => c.Customer == merged).ToArray())
        {
            State.OwnerChanges[c.Id] = c with { Customer = survivor };
            n++;
        }
        return ValueTask.FromResult(n);
    }

    public ValueTask<int> EraseNotesAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var n = 0;
        foreach (var a in State.Attempts.Values.Where(a => a.Customer == customer && a.Note is not null).ToArray())
        {
            State.Attempts[a.Id] = a with { Note = null };
            n++;
        }
        foreach (var c in State.OwnerChanges.Values.Where(c => c.Customer == customer && c.Note is not null).ToArray())
        {
            State.OwnerChanges[c.Id] = c with { Note = null };
            n++;
        }
        return ValueTask.FromResult(n);
    }

    private ValueTask<IReadOnlyList<ContactAttempt>> Attempts(Func<ContactAttempt, bool> wanted)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<ContactAttempt>>(State.Attempts.Values.Where(wanted).ToArray());
    }

    private ValueTask<IReadOnlyList<OwnerChange>> Changes(Func<OwnerChange, bool> wanted)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<OwnerChange>>(State.OwnerChanges.Values.Where(wanted).ToArray());
    }
}
