using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Care: sweeps that ask care rules which customers need contact and turn their proposals into
/// tasks under the <see cref="ContactPolicy"/>; the task lifecycle (open → done, declined,
/// expired or withdrawn); and the record of every suppression. Thread-safe; every operation is
/// one transaction.
/// </summary>
public sealed partial class CareBook
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
    /// <remarks>The database's stage rules (<see cref="LifecycleBook.Rules"/>) run first, in the same transaction; see <see cref="SweepResult.Stages"/>.</remarks>
    /// <exception cref="CrmValidationException">A rule is null or two rules share a name.</exception>
    public SweepResult Sweep(IEnumerable<ICareRule> rules, DateTimeOffset? at = null, bool changedOnly = false) =>
        TracedSweep(rules, null, at, changedOnly, default).Wait();

    /// <summary>
    /// A sweep like <see cref="Sweep(IEnumerable{ICareRule}, DateTimeOffset?, bool)"/> that runs
    /// <paramref name="stageRules"/> (in place of the database's configured ones) before the care
    /// rules, in the same transaction: each customer moves as far as the stage rules and the model
    /// take it, recorded with the reason <c>rule NAME</c>, and the care rules then see it in its new
    /// stage. A move the model does not allow is reported in <see cref="SweepResult.Stages"/>, never forced.
    /// </summary>
    /// <exception cref="CrmValidationException">A rule is null, or two care rules or two stage rules share a name.</exception>
    public SweepResult Sweep(IEnumerable<ICareRule> rules, IEnumerable<IStageRule> stageRules, DateTimeOffset? at = null, bool changedOnly = false) =>
        TracedSweep(rules, stageRules ?? throw new ArgumentNullException(nameof(stageRules)), at, changedOnly, default).Wait();

    /// <summary>
    /// The asynchronous form of <see cref="Sweep(IEnumerable{ICareRule}, DateTimeOffset?, bool)"/>: the token is checked between chunks of customers
    /// and between customers' proposals, and cancelling writes nothing (no task, no expiry, no cursor).
    /// </summary>
    /// <exception cref="CrmValidationException">A rule is null or two rules share a name.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<SweepResult> SweepAsync(IEnumerable<ICareRule> rules, DateTimeOffset? at = null, bool changedOnly = false, CancellationToken cancellationToken = default) =>
        TracedSweep(rules, null, at, changedOnly, cancellationToken).AsTask();

    /// <summary>A sweep inside its <see cref="CrmTelemetry.CareSweepActivity"/>, tagged with what it counted.</summary>
    private ValueTask<SweepResult> TracedSweep(IEnumerable<ICareRule> rules, IEnumerable<IStageRule>? stageRules, DateTimeOffset? at, bool changedOnly, CancellationToken ct) =>
        Tracing.RunAsync(CrmTelemetry.CareSweepActivity, [("crmkit.care.mode", changedOnly ? "changed" : "full")], () => SweepCore(rules, stageRules, at, changedOnly, ct), (activity, r) => activity
            .SetTag("crmkit.customers.evaluated", r.Evaluated)
            .SetTag("crmkit.care.proposed", r.Proposed)
            .SetTag("crmkit.care.created", r.Created)
            .SetTag("crmkit.care.already_known", r.AlreadyKnown)
            .SetTag("crmkit.care.suppressed", r.Suppressed)
            .SetTag("crmkit.care.expired", r.Expired)
            .SetTag("crmkit.failures", r.Failures.Count));

    /// <summary>The asynchronous form of <see cref="Sweep(IEnumerable{ICareRule}, IEnumerable{IStageRule}, DateTimeOffset?, bool)"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">A rule is null, or two care rules or two stage rules share a name.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<SweepResult> SweepAsync(IEnumerable<ICareRule> rules, IEnumerable<IStageRule> stageRules, DateTimeOffset? at = null, bool changedOnly = false,
        CancellationToken cancellationToken = default) =>
        TracedSweep(rules, stageRules ?? throw new ArgumentNullException(nameof(stageRules)), at, changedOnly, cancellationToken).AsTask();

    internal ValueTask<SweepResult> SweepCore(IEnumerable<ICareRule> rules, IEnumerable<IStageRule>? stageRules, DateTimeOffset? at, bool changedOnly,
        CancellationToken cancellationToken)
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
        var stages = LifecycleBook.CheckRules(stageRules ?? _context.Options.StageRules.Rules());
        return _context.Write((s, ct) => new CareSweeper(_context) { StageRules = stages }.SweepAsync(s, instant, list, changedOnly, ct), cancellationToken);
    }

    /// <summary>The task with <paramref name="id"/>.</summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    public CareTask Get(long id) => _context.Read((s, ct) => GetAsync(s, id, ct), default).Wait();

    private static async ValueTask<CareTask> GetAsync(IStoreSession s, long id, CancellationToken ct) =>
        await s.Care.GetAsync(id, ct).ConfigureAwait(false) ?? throw new CareTaskNotFoundException(id);

    /// <summary>Every task of a customer (after resolving merges), by due time.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<CareTask> For(CustomerCode customer) => _context.Read<IReadOnlyList<CareTask>>(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        return (await s.Care.OfAsync(code, ct).ConfigureAwait(false)).OrderBy(t => t.Due.UtcTicks).ThenBy(t => t.Id).ToArray();
    }, default).Wait();

    /// <summary>Tasks in <paramref name="status"/> (every task when null), by id.</summary>
    public Page<CareTask> Tasks(CareTaskStatus? status, PageRequest page)
    {
        page.Check();
        return _context.Read((s, ct) => s.Care.PageAsync(status, page, ct), default).Wait();
    }

    /// <summary>
    /// Why proposals for a customer were held back or tasks withdrawn, latest first; only
    /// <paramref name="rule"/>'s when given ("why did this customer get no birthday call").
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<CareSuppression> Suppressions(CustomerCode customer, string? rule = null) => _context.Read<IReadOnlyList<CareSuppression>>(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        return (await s.Care.SuppressionsOfAsync(code, ct).ConfigureAwait(false))
            .Where(x => rule is null || x.Rule == rule)
            .OrderByDescending(x => x.At.UtcTicks).ThenBy(x => x.OccasionKey, StringComparer.Ordinal).ToArray();
    }, default).Wait();

    /// <summary>How many tasks are in each status, over the whole database.</summary>
    public IReadOnlyDictionary<CareTaskStatus, int> CountByStatus() => _context.Read((s, ct) => s.Care.CountByStatusAsync(ct), default).Wait();

    /// <summary>How many suppressions are recorded for each reason, over the whole database (one per customer, occasion, channel and reason).</summary>
    public IReadOnlyDictionary<SuppressionReason, int> SuppressionsByReason() => _context.Read<IReadOnlyDictionary<SuppressionReason, int>>(async (s, ct) =>
        (await s.Care.CountSuppressionsAsync(ct).ConfigureAwait(false)).OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key, kv => kv.Value), default).Wait();

    /// <summary>
    /// Marks an open task done and, in the same transaction, records the care contact as an
    /// interaction and withdraws the occasion's open tasks on other channels (the closed loop).
    /// </summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    /// <param name="id">The task.</param>
    /// <param name="outcome">How the contact went.</param>
    /// <param name="actor">Who made the contact.</param>
    /// <param name="at">When the contact was made, for contacts recorded afterwards (or a sweep run at an earlier instant); now when null. Not later than now.</param>
    /// <exception cref="CrmValidationException">The task is not open, the outcome or actor is invalid, or <paramref name="at"/> is out of range.</exception>
    public CareTask Complete(long id, string outcome, string actor, DateTimeOffset? at = null) => Close(id, CareTaskStatus.Done, outcome, actor, at);

    /// <summary>
    /// Records that the customer declined the task's occasion: the task becomes declined, the
    /// contact is recorded as an interaction and the occasion's other open tasks are withdrawn.
    /// </summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    /// <param name="id">The task.</param>
    /// <param name="reason">Why the customer declined.</param>
    /// <param name="actor">Who made the contact.</param>
    /// <param name="at">When the contact was made, for contacts recorded afterwards (or a sweep run at an earlier instant); now when null. Not later than now.</param>
    /// <exception cref="CrmValidationException">The task is not open, the reason or actor is invalid, or <paramref name="at"/> is out of range.</exception>
    public CareTask Decline(long id, string reason, string actor, DateTimeOffset? at = null) => Close(id, CareTaskStatus.Declined, reason, actor, at);

    private CareTask Close(long id, CareTaskStatus status, string outcome, string actor, DateTimeOffset? at)
    {
        Require.Name(outcome, "outcome", Require.MaxTextLength);
        Require.Name(actor, "actor");
        return _context.Write(async (s, ct) =>
        {
            var task = await GetAsync(s, id, ct).ConfigureAwait(false);
            var now = ContactRules.Time(at, _context.Now);
            var closed = task.Close(status, outcome, actor, now);
            await s.Care.UpdateAsync(closed, null, ct).ConfigureAwait(false);

            var contact = new Interaction(task.Customer, InteractionKind.CareContact, task.Channel, now)
            {
                Outcome = closed.ClosingWord,
                Staff = actor,
                Notes = outcome,
                Metadata = new Dictionary<string, string> { ["care-task"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["occasion"] = task.OccasionKey },
            };
            contact.Check(_context.Options, null);
            await new InteractionLog(_context).AppendAsync(s, [contact], ct).ConfigureAwait(false);

            var group = await s.Care.OfAsync(task.Customer, ct).ConfigureAwait(false);
            await ClosedLoop.StandDownAsync(s.Care, closed, group, actor, null, now, ct).ConfigureAwait(false);
            return closed;
        }, default).Wait();
    }
}
