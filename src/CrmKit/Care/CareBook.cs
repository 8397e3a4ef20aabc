using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>
/// Care: sweeps that ask care rules which customers need contact and turn their proposals into
/// tasks under the <see cref="ContactPolicy"/>; the task lifecycle (open → done, declined,
/// expired or withdrawn); and the record of every suppression. Thread-safe; every operation is
/// one transaction.
/// </summary>
public sealed class CareBook
{
    private readonly CrmContext _context;

    internal CareBook(CrmContext context) => _context = context;

    /// <summary>
    /// Evaluates <paramref name="rules"/> for every customer (or, with <paramref name="changedOnly"/>,
    /// for those changed since the previous sweep) at <paramref name="at"/> (now when null), and
    /// creates a task for each proposal the contact policy lets through. Proposals whose occasion key
    /// and channel already have a task are skipped, so running a sweep again creates nothing twice.
    /// Open tasks past their due time by the policy's expiry become expired. A rule that throws for a
    /// customer is reported in <see cref="SweepResult.Failures"/>; the sweep goes on without it.
    /// </summary>
    /// <exception cref="CrmValidationException">A rule is null or two rules share a name.</exception>
    public SweepResult Sweep(IEnumerable<ICareRule> rules, DateTimeOffset? at = null, bool changedOnly = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null) throw new CrmValidationException($"rules[{i}]", "is null.");
            Require.Name(list[i].Name, $"rules[{i}].name");
        }
        var twice = list.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new CrmValidationException("rules", $"two rules are named '{twice.Key}'; occasion keys would collide.");
        var instant = Require.Instant(at ?? _context.Now, "at");
        return _context.Store.Write(() => new CareSweeper(_context).Sweep(instant, list, changedOnly));
    }

    /// <summary>The task with <paramref name="id"/>.</summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    public CareTask Get(long id) =>
        CareDocument.FromBson(_context.Store.CareTasks.FindById(id) ?? throw new CareTaskNotFoundException(id));

    /// <summary>Every task of a customer (after resolving merges), by due time.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<CareTask> For(CustomerCode customer)
    {
        _context.Load(customer, out var code);
        return _context.Store.CareTasks.Find(Query.EQ("c", code.Value)).Select(CareDocument.FromBson)
            .OrderBy(t => t.Due.UtcTicks).ThenBy(t => t.Id).ToArray();
    }

    /// <summary>Tasks in <paramref name="status"/> (every task when null), by id.</summary>
    public Page<CareTask> Tasks(CareTaskStatus? status, PageRequest page)
    {
        page.Check();
        var query = _context.Store.CareTasks.Query();
        if (status is { } s) query = query.Where(Query.EQ("st", (int)s));
        var docs = query.OrderBy("_id").Skip(page.Offset).Limit(page.Size + 1).ToList();
        return new Page<CareTask>(docs.Take(page.Size).Select(CareDocument.FromBson).ToArray(), page.Offset, docs.Count > page.Size);
    }

    /// <summary>
    /// Why proposals for a customer were held back or tasks withdrawn, latest first; only
    /// <paramref name="rule"/>'s when given ("why did this customer get no birthday call").
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<CareSuppression> Suppressions(CustomerCode customer, string? rule = null)
    {
        _context.Load(customer, out var code);
        return _context.Store.CareSuppressions.Find(Query.EQ("c", code.Value)).Select(CareDocument.ToSuppression)
            .Where(s => rule is null || s.Rule == rule)
            .OrderByDescending(s => s.At.UtcTicks).ThenBy(s => s.OccasionKey, StringComparer.Ordinal).ToArray();
    }

    /// <summary>How many tasks are in each status, over the whole database.</summary>
    public IReadOnlyDictionary<CareTaskStatus, int> CountByStatus() =>
        Enum.GetValues<CareTaskStatus>().ToDictionary(s => s, s => _context.Store.CareTasks.Count(Query.EQ("st", (int)s)));

    /// <summary>How many suppressions are recorded for each reason, over the whole database (one per customer, occasion, channel and reason).</summary>
    public IReadOnlyDictionary<SuppressionReason, int> SuppressionsByReason() =>
        _context.Store.CareSuppressions.FindAll().Select(CareDocument.ToSuppression)
            .GroupBy(x => x.Reason).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Marks an open task done and, in the same transaction, records the care contact as an
    /// interaction and withdraws the occasion's open tasks on other channels (the closed loop).
    /// </summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    /// <exception cref="CrmValidationException">The task is not open, or the outcome or actor is invalid.</exception>
    public CareTask Complete(long id, string outcome, string actor) => Close(id, CareTaskStatus.Done, outcome, actor);

    /// <summary>
    /// Records that the customer declined the task's occasion: the task becomes declined, the
    /// contact is recorded as an interaction and the occasion's other open tasks are withdrawn.
    /// </summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    /// <exception cref="CrmValidationException">The task is not open, or the reason or actor is invalid.</exception>
    public CareTask Decline(long id, string reason, string actor) => Close(id, CareTaskStatus.Declined, reason, actor);

    private CareTask Close(long id, CareTaskStatus status, string outcome, string actor)
    {
        Require.Name(outcome, "outcome", Require.MaxTextLength);
        Require.Name(actor, "actor");
        return _context.Store.Write(() =>
        {
            var store = _context.Store;
            var task = Get(id);
            if (task.Status != CareTaskStatus.Open)
                throw new CrmValidationException("task", $"{id} is {task.Status.ToString().ToLowerInvariant()}, not open; only an open task can be closed.");
            var now = _context.Now;
            var word = status == CareTaskStatus.Done ? "done" : "declined";
            var closed = task with { Status = status, ClosedAt = now, Outcome = outcome, ClosedBy = actor };
            store.CareTasks.Update(CareDocument.ToBson(closed));

            var contact = new Interaction(task.Customer, InteractionKind.CareContact, task.Channel, now)
            {
                Outcome = word,
                Staff = actor,
                Notes = outcome,
                Metadata = new Dictionary<string, string> { ["care-task"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["occasion"] = task.OccasionKey },
            };
            contact.Check(_context.Options, null);
            new InteractionLog(_context).AppendInWrite([contact]);

            var group = CareDocument.GroupKey(task.Customer.Value, task.OccasionKey);
            foreach (var doc in store.CareTasks.Find(Query.And(Query.EQ("g", group), Query.EQ("st", (int)CareTaskStatus.Open))).ToList())
            {
                var other = CareDocument.FromBson(doc);
                store.CareTasks.Update(CareDocument.ToBson(other with
                {
                    Status = CareTaskStatus.Withdrawn,
                    ClosedAt = now,
                    Outcome = $"{word} on {task.Channel}",
                    ClosedBy = actor,
                }));
                store.CareSuppressions.Upsert(CareDocument.ToBson(new CareSuppression(other.Customer, other.Rule, other.OccasionKey, other.Channel,
                    SuppressionReason.ClosedLoop, $"task {other.Id} withdrawn: {word} on {task.Channel} (task {id})", now)));
            }
            return closed;
        });
    }
}
