using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Work queues and who holds what: open care tasks and active cases by channel, owner, team and
/// due time; claiming, assigning and transferring tasks with every owner change recorded; and the
/// owner history of customers and tasks. Bulk reassignment of a leaving owner's book is on
/// <see cref="Reassign"/>. Cases are claimed, assigned and transferred on <see cref="CaseBook"/>,
/// which records the changes in each case's own history. Thread-safe; every operation is one transaction.
/// </summary>
public sealed partial class QueueBook
{
    private readonly CrmContext _context;

    internal QueueBook(CrmContext context) => _context = context;

    /// <summary>The open care tasks and active cases <paramref name="query"/> selects (every one when null), by due time, then the most urgent first, then tasks before cases, then id.</summary>
    /// <exception cref="CrmValidationException">The query names a team the routing does not define.</exception>
    public IReadOnlyList<WorkItem> Open(QueueQuery? query = null)
    {
        var q = query ?? QueueQuery.All;
        var routing = _context.Options.Routing;
        var team = q.Team is { } name ? routing.Team(name) ?? throw new CrmValidationException("team", $"'{name}' is not a defined team.") : null;
        return _context.Read<IReadOnlyList<WorkItem>>(async (s, ct) =>
        {
            var items = new List<WorkItem>();
            if (q.Kind is null or WorkItemKind.Task)
            {
                var tasks = await Router.OpenTasksAsync(s, ct).ConfigureAwait(false);
                var counts = await s.Operations.AttemptCountsAsync([.. tasks.Select(t => t.Id)], ct).ConfigureAwait(false);
                items.AddRange(tasks.Select(t => new WorkItem(WorkItemKind.Task, t.Id, t.Customer, t.Channel, t.Owner, routing.TeamOf(t.Owner), t.Due, t.Priority,
                    t.OccasionKey, counts.GetValueOrDefault(t.Id))));
            }
            if (q.Kind is null or WorkItemKind.Case)
            {
                foreach (var record in await s.Cases.ListAsync(new CaseQuery { ActiveOnly = true, Owner = q.Owner }, ct).ConfigureAwait(false))
                {
                    var c = CaseDocument.FromRecord(record, _context.Store.Location);
                    var due = c.FirstResponseAt is null ? c.FirstResponseDue : c.ResolutionDue;
                    items.Add(new WorkItem(WorkItemKind.Case, c.Id, c.Customer, c.Channel, c.Owner, routing.TeamOf(c.Owner), due, c.Priority,
                        $"{c.Category}: {c.Subject}", c.History.Count(h => h.Kind == CaseChangeKind.ContactAttempted)));
                }
            }
            return [.. items
                .Where(i => (q.Channel is null || i.Channel == q.Channel) && (q.Owner is null || i.Owner == q.Owner) && (!q.Unowned || i.Owner is null)
                    && (team is null || (i.Owner is not null && team.Members.Contains(i.Owner))) && (q.DueBefore is null || i.Due < q.DueBefore))
                .OrderBy(i => i.Due.UtcTicks).ThenByDescending(i => i.Priority).ThenBy(i => i.Kind).ThenBy(i => i.Id)];
        }, default).Wait();
    }

    /// <summary>Takes an open task nobody holds for <paramref name="owner"/>, who is recorded as the actor.</summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    /// <exception cref="CrmValidationException">The task is not open, or someone holds it already (transfer it instead).</exception>
    public CareTask ClaimTask(long id, string owner, string? note = null) =>
        ChangeTask(id, owner, owner, note ?? "claimed from the queue", OwnerChangeKind.Claimed);

    /// <summary>Gives an open task nobody holds to <paramref name="owner"/>.</summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    /// <exception cref="CrmValidationException">The task is not open, or someone holds it already (transfer it instead).</exception>
    public CareTask AssignTask(long id, string owner, string actor, string? note = null) =>
        ChangeTask(id, owner, actor, note, OwnerChangeKind.Assigned);

    /// <summary>Moves an open task from its owner to <paramref name="owner"/> (to the store or desk that can act on it); the history keeps both.</summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    /// <exception cref="CrmValidationException">The task is not open, nobody holds it (assign it instead), or <paramref name="owner"/> holds it already.</exception>
    public CareTask TransferTask(long id, string owner, string actor, string? note = null) =>
        ChangeTask(id, owner, actor, note, OwnerChangeKind.Transferred);

    /// <summary>Every owner change of a customer and of its care tasks, oldest first (after resolving merges).</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<OwnerChange> OwnerHistory(CustomerCode customer) => _context.Read<IReadOnlyList<OwnerChange>>(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        return [.. (await s.Operations.OwnerChangesOfAsync(code, ct).ConfigureAwait(false)).OrderBy(c => c.Id)];
    }, default).Wait();

    /// <summary>Every owner change of a care task, oldest first.</summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    public IReadOnlyList<OwnerChange> TaskOwnerHistory(long id) => _context.Read<IReadOnlyList<OwnerChange>>(async (s, ct) =>
    {
        _ = await s.Care.GetAsync(id, ct).ConfigureAwait(false) ?? throw new CareTaskNotFoundException(id);
        return [.. (await s.Operations.OwnerChangesOfTaskAsync(id, ct).ConfigureAwait(false)).OrderBy(c => c.Id)];
    }, default).Wait();

    private CareTask ChangeTask(long id, string owner, string actor, string? note, OwnerChangeKind kind)
    {
        Require.Name(owner, "owner");
        Require.Name(actor, "actor");
        Require.OptionalText(note, "note");
        return _context.Write(async (s, ct) =>
        {
            var task = await s.Care.GetAsync(id, ct).ConfigureAwait(false) ?? throw new CareTaskNotFoundException(id);
            if (task.Status != CareTaskStatus.Open)
                throw new CrmValidationException("task", $"{id} is {task.Status.ToString().ToLowerInvariant()}, not open; only an open task changes hands.");
            if (kind == OwnerChangeKind.Transferred)
            {
                if (task.Owner is null) throw new CrmValidationException("task", $"{id} has no owner; assign or claim it instead.");
                if (task.Owner == owner) throw new CrmValidationException("owner", $"'{owner}' already holds task {id}.");
            }
            else if (task.Owner is { } holder)
                throw new CrmValidationException("task", $"{id} is held by '{holder}'; transfer it instead.");
            return await MoveTaskAsync(s, task, owner, kind, actor, note, _context.Now, ct).ConfigureAwait(false);
        }, default).Wait();
    }

    /// <summary>Gives <paramref name="task"/> to <paramref name="owner"/> and records the change.</summary>
    internal static async ValueTask<CareTask> MoveTaskAsync(IStoreSession s, CareTask task, string owner, OwnerChangeKind kind, string actor, string? note,
        DateTimeOffset now, CancellationToken ct)
    {
        var moved = task with { Owner = owner };
        await s.Care.UpdateAsync(moved, null, ct).ConfigureAwait(false);
        await s.Operations.AppendOwnerChangeAsync(new OwnerChange(task.Customer, task.Id, kind, task.Owner, owner, now, actor, note), ct).ConfigureAwait(false);
        return moved;
    }
}
