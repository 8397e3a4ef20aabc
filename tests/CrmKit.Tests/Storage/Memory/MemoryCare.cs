using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

internal sealed class MemoryCare(MemorySession session) : ICareStore
{
    private MemoryState State => session.State;

    private IEnumerable<CareTask> Tasks => State.Tasks.Values.Select(t => t.Task);

    public ValueTask<CareTask?> GetAsync(long id, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Tasks.TryGetValue(id, out var t) ? t.Task : null);
    }

    public ValueTask<IReadOnlyList<CareTask>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) => Select(t => t.Customer == customer);

    public ValueTask<IReadOnlyList<CareTask>> AllAsync(CancellationToken cancellationToken) => Select(_ => true);

    public ValueTask<IReadOnlyList<CareTask>> OpenDueBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Select(t => t.Status == CareTaskStatus.Open && t.Due < cutoff);

    private ValueTask<IReadOnlyList<CareTask>> Select(Func<CareTask, bool> test)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<CareTask>>(Tasks.Where(test).ToArray());
    }

    public ValueTask<Page<CareTask>> PageAsync(CareTaskStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        session.Check();
        var all = Tasks.Where(t => status is null || t.Status == status).Skip(page.Offset).Take(page.Size + 1).ToArray();
        return ValueTask.FromResult(new Page<CareTask>(all.Take(page.Size).ToArray(), page.Offset, all.Length > page.Size));
    }

    public ValueTask<IReadOnlyDictionary<CareTaskStatus, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyDictionary<CareTaskStatus, int>>(Enum.GetValues<CareTaskStatus>().ToDictionary(s => s, s => Tasks.Count(t => t.Status == s)));
    }

    public ValueTask<bool> KeyTakenAsync(string dedupKey, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Tasks.Values.Any(t => t.Key == dedupKey));
    }

    public ValueTask<CareTask?> InsertAsync(CareTask task, string dedupKey, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (State.Tasks.Values.Any(t => t.Key == dedupKey)) return ValueTask.FromResult<CareTask?>(null);
        var stored = task with { Id = State.NextTask++ };
        State.Tasks[stored.Id] = (stored, dedupKey);
        return ValueTask.FromResult<CareTask?>(stored);
    }

    public ValueTask UpdateAsync(CareTask task, string? dedupKey, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (!State.Tasks.TryGetValue(task.Id, out var stored)) throw new CareTaskNotFoundException(task.Id);
        State.Tasks[task.Id] = (task, dedupKey ?? stored.Key);
        return ValueTask.CompletedTask;
    }

    private static string Identity(CareSuppression s) => $"{s.Customer.Value}\u001f{s.OccasionKey}\u001f{s.Channel.Name}\u001f{s.Reason}";

    public ValueTask PutSuppressionAsync(CareSuppression suppression, bool replace, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var id = Identity(suppression);
        if (replace || !State.Suppressions.ContainsKey(id)) State.Suppressions[id] = suppression;
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CareSuppression>> SuppressionsOfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<CareSuppression>>(State.Suppressions.Values.Where(s => s.Customer == customer).ToArray());
    }

    public ValueTask<int> RemoveSuppressionsOfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var gone = State.Suppressions.Where(s => s.Value.Customer == customer).Select(s => s.Key).ToArray();
        foreach (var id in gone) State.Suppressions.Remove(id);
        return ValueTask.FromResult(gone.Length);
    }

    public ValueTask<IReadOnlyDictionary<SuppressionReason, int>> CountSuppressionsAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyDictionary<SuppressionReason, int>>(State.Suppressions.Values.GroupBy(s => s.Reason).ToDictionary(g => g.Key, g => g.Count()));
    }
}
