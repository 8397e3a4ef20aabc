using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Care tasks (a unique index on the dedup key) and suppressions (one document per identity) in the embedded store.</summary>
internal sealed class LiteCare(LiteSession session) : ICareStore
{
    private LiteStore Store => session.Store;

    public ValueTask<CareTask?> GetAsync(long id, CancellationToken cancellationToken) =>
        Completed.Value(Store.CareTasks.FindById(id) is { } doc ? CareDocument.FromBson(doc) : null);

    public ValueTask<IReadOnlyList<CareTask>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<CareTask>>(Store.CareTasks.Find(Where.Eq("c", customer.Value)).Select(CareDocument.FromBson).OrderBy(t => t.Id).ToArray());

    public ValueTask<IReadOnlyList<CareTask>> AllAsync(CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<CareTask>>(Store.CareTasks.FindAll().Select(CareDocument.FromBson).ToArray());

    public ValueTask<IReadOnlyList<CareTask>> OpenDueBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<CareTask>>(Store.CareTasks.Find(Where.Eq("st", (int)CareTaskStatus.Open)).Select(CareDocument.FromBson)
            .Where(t => t.Due < cutoff).OrderBy(t => t.Id).ToArray());

    public ValueTask<Page<CareTask>> PageAsync(CareTaskStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var query = Store.CareTasks.Query();
        if (status is { } s) query = query.Where(Where.Eq("st", (int)s));
        var docs = query.OrderBy("_id").Skip(page.Offset).Limit(page.Size + 1).ToList();
        return Completed.Value(new Page<CareTask>(docs.Take(page.Size).Select(CareDocument.FromBson).ToArray(), page.Offset, docs.Count > page.Size));
    }

    public ValueTask<IReadOnlyDictionary<CareTaskStatus, int>> CountByStatusAsync(CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyDictionary<CareTaskStatus, int>>(Enum.GetValues<CareTaskStatus>().ToDictionary(s => s, s => Store.CareTasks.Count(Where.Eq("st", (int)s))));

    public ValueTask<bool> KeyTakenAsync(string dedupKey, CancellationToken cancellationToken) =>
        Completed.Value(Store.CareTasks.Exists(Where.Eq("k", dedupKey)));

    public ValueTask<CareTask?> InsertAsync(CareTask task, string dedupKey, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (Store.CareTasks.Exists(Where.Eq("k", dedupKey))) return Completed.Value<CareTask?>(null);
        var id = Store.CareTasks.Insert(CareDocument.ToBson(task with { Id = 0 }, dedupKey)).AsInt64;
        return Completed.Value<CareTask?>(task with { Id = id });
    }

    public ValueTask UpdateAsync(CareTask task, string? dedupKey, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var stored = Store.CareTasks.FindById(task.Id) ?? throw new CareTaskNotFoundException(task.Id);
        Store.CareTasks.Update(CareDocument.ToBson(task, dedupKey ?? stored["k"].AsString));
        return ValueTask.CompletedTask;
    }

    public ValueTask PutSuppressionAsync(CareSuppression suppression, bool replace, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var doc = CareDocument.ToBson(suppression);
        if (replace) Store.CareSuppressions.Upsert(doc);
        else if (Store.CareSuppressions.FindById(doc["_id"]) is null) Store.CareSuppressions.Insert(doc);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CareSuppression>> SuppressionsOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<CareSuppression>>(Store.CareSuppressions.Find(Where.Eq("c", customer.Value)).Select(CareDocument.ToSuppression).ToArray());

    public ValueTask<int> RemoveSuppressionsOfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return Completed.Value(Store.CareSuppressions.DeleteMany(Where.Eq("c", customer.Value)));
    }

    public ValueTask<IReadOnlyDictionary<SuppressionReason, int>> CountSuppressionsAsync(CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyDictionary<SuppressionReason, int>>(Store.CareSuppressions.FindAll().Select(CareDocument.ToSuppression)
            .GroupBy(x => x.Reason).ToDictionary(g => g.Key, g => g.Count()));
}
