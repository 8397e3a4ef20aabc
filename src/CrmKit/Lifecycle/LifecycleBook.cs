using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Moves customers between lifecycle stages along the edges of the <see cref="StageModel"/>,
/// recording each change, and reads the history back.
/// </summary>
public sealed class LifecycleBook
{
    private readonly CrmContext _context;

    internal LifecycleBook(CrmContext context) => _context = context;

    /// <summary>The stage model in force.</summary>
    public StageModel Model => _context.Options.Stages;

    /// <summary>
    /// The stage rules the database runs in its care sweeps and in <see cref="ApplyRules"/>: the
    /// built-in rules when the configuration turns them on (<see cref="CrmOptions.StageRules"/>),
    /// otherwise none.
    /// </summary>
    public IReadOnlyList<IStageRule> Rules => _context.Options.StageRules.Rules();

    /// <summary>
    /// Runs stage rules over every customer (or, with <paramref name="changedOnly"/>, those changed
    /// since the previous run) at <paramref name="at"/> (now when null), in one transaction. Each
    /// customer moves as far as the rules and the model take it; every move is recorded like a
    /// change by hand, with the reason <c>rule NAME</c> and the actor <c>stage-rules</c>. A proposal
    /// the model does not allow is reported in the result and never forced. Running it again at the
    /// same instant changes nothing.
    /// </summary>
    /// <param name="rules">The rules to run, in the order they are tried; <see cref="Rules"/> when null.</param>
    /// <param name="at">The instant to evaluate at; now when null.</param>
    /// <param name="changedOnly">Only customers changed since the previous run (the lapse rules need a full run now and then, since time alone moves them).</param>
    /// <exception cref="CrmValidationException">A rule is null or unnamed, or <paramref name="at"/> is out of range; nothing was written.</exception>
    public StageRuleRun ApplyRules(IEnumerable<IStageRule>? rules = null, DateTimeOffset? at = null, bool changedOnly = false) =>
        ApplyRulesCore(rules, at, changedOnly, default).Wait();

    /// <summary>The asynchronous form of <see cref="ApplyRules"/>; the token is checked between chunks of customers, and cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">A rule is null or unnamed, or <paramref name="at"/> is out of range; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<StageRuleRun> ApplyRulesAsync(IEnumerable<IStageRule>? rules = null, DateTimeOffset? at = null, bool changedOnly = false, CancellationToken cancellationToken = default) =>
        ApplyRulesCore(rules, at, changedOnly, cancellationToken).AsTask();

    private const string RulesCursor = "stage-rules-sequence";

    private ValueTask<StageRuleRun> ApplyRulesCore(IEnumerable<IStageRule>? rules, DateTimeOffset? at, bool changedOnly, CancellationToken ct)
    {
        var list = CheckRules(rules ?? Rules);
        var instant = Require.Instant(at ?? _context.Now, "at");
        return _context.Write(async (s, c) =>
        {
            var sequence = await s.Changes.SequenceAsync(c).ConfigureAwait(false);
            var last = changedOnly ? await s.Changes.CursorAsync(RulesCursor, c).ConfigureAwait(false) : null;
            var scan = last is { } since ? SnapshotScan.Only(await s.Changes.ChangedSinceAsync(since, c).ConfigureAwait(false)) : SnapshotScan.All(parallel: true);
            var sweep = new StageSweep(_context, list, instant);
            await foreach (var chunk in s.Customers.ScanAsync(scan, c).ConfigureAwait(false))
            {
                c.ThrowIfCancellationRequested();
                sweep.Evaluate(await SnapshotCompletion.CompleteAsync(s, chunk, sweep.Needs, c).ConfigureAwait(false));
            }
            var run = await sweep.RecordAsync(s, c).ConfigureAwait(false);
            await s.Changes.SetCursorAsync(RulesCursor, sequence, c).ConfigureAwait(false);
            return run;
        }, ct);
    }

    /// <summary>The rules as a checked list: none null, each named, no name twice.</summary>
    internal static IReadOnlyList<IStageRule> CheckRules(IEnumerable<IStageRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        for (var i = 0; i < list.Length; i++)
            Require.Name((list[i] ?? throw new CrmValidationException($"stageRules[{i}]", "is null.")).Name, $"stageRules[{i}].name");
        if (list.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new CrmValidationException("stageRules", $"two rules are named '{twice.Key}'; their changes would be recorded under the same reason.");
        return list;
    }

    /// <summary>Moves a customer to <paramref name="to"/> now, recording why and by whom.</summary>
    /// <exception cref="IllegalStageTransitionException">The model has no edge from the current stage to <paramref name="to"/>; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    /// <exception cref="CrmValidationException">The reason or actor is empty or too long.</exception>
    public StageChange Change(CustomerCode customer, StageId to, string reason, string actor) => ChangeCore(customer, to, reason, actor, default).Wait();

    /// <summary>The asynchronous form of <see cref="Change"/>; cancelling writes nothing.</summary>
    /// <exception cref="IllegalStageTransitionException">The model has no edge from the current stage to <paramref name="to"/>; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    /// <exception cref="CrmValidationException">The reason or actor is empty or too long.</exception>
    public Task<StageChange> ChangeAsync(CustomerCode customer, StageId to, string reason, string actor, CancellationToken cancellationToken = default) =>
        ChangeCore(customer, to, reason, actor, cancellationToken).AsTask();

    internal ValueTask<StageChange> ChangeCore(CustomerCode customer, StageId to, string reason, string actor, CancellationToken ct)
    {
        Require.Name(reason, "reason", Require.MaxTextLength);
        Require.Name(actor, "actor");
        if (to == default) throw new CrmValidationException("stage", "is required but was empty.");
        return _context.Write(async (s, c) =>
        {
            var (code, record) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
            var current = record.Customer;
            if (!Model.Allows(current.Stage, to))
                throw new IllegalStageTransitionException(code, current.Stage, to, Model.AllowedFrom(current.Stage));
            return (await MoveAsync(s, current, to, _context.Now, reason, actor, c).ConfigureAwait(false)).Change;
        }, ct);
    }

    /// <summary>Records an allowed stage change of <paramref name="current"/> inside the caller's write; returns the change and the stored customer.</summary>
    internal static async ValueTask<(StageChange Change, Customer Customer)> MoveAsync(IStoreSession s, Customer current, StageId to, DateTimeOffset now,
        string reason, string actor, CancellationToken c)
    {
        var change = new StageChange(current.Code, current.Stage, to, now, reason, actor);
        await s.Stages.AppendAsync(change, c).ConfigureAwait(false);
        var moved = current with { Stage = to, StageSince = now };
        await s.Customers.UpdateAsync(moved, current.Version, c).ConfigureAwait(false);
        return (change, moved);
    }

    /// <summary>
    /// A customer's stage history in recording order: its own contiguous chain, followed by the
    /// changes carried over from customers merged into it (marked <see cref="StageChange.MergedFrom"/>).
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<StageChange> History(CustomerCode customer) => _context.Read<IReadOnlyList<StageChange>>(async (s, c) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
        return (await s.Stages.OfAsync(code, c).ConfigureAwait(false)).OrderBy(x => x.MergedFrom is null ? 0 : 1).ToArray();
    }, default).Wait();
}
