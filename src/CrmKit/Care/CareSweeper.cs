using System.Collections.Concurrent;
using System.Globalization;
using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// One care sweep inside the caller's write: expire overdue tasks, ask every rule about every
/// customer as the customers stream by (on two threads; rules are pure), then pass each proposal
/// through the contact policy in code order and create the tasks that survive it.
/// </summary>
internal sealed class CareSweeper(CrmContext context)
{
    internal const string SequenceKey = "care-sweep-sequence";

    private int _created;
    private int _known;
    private int _suppressed;
    private int _displaced;
    private Router? _router;
    private readonly SortedDictionary<SuppressionReason, int> _suppressedBy = [];

    /// <summary>Stage rules evaluated for each chunk before the care rules, so care rules see the customers in their new stages.</summary>
    internal IReadOnlyList<IStageRule> StageRules { get; init; } = [];

    internal async ValueTask<SweepResult> SweepAsync(IStoreSession store, DateTimeOffset at, IReadOnlyList<ICareRule> rules, bool changedOnly, CancellationToken ct) =>
        await SweepAsync(store, at, rules, changedOnly, null, ct).ConfigureAwait(false);

    /// <summary>
    /// A sweep over only the customers <paramref name="only"/> names when it is given (a campaign
    /// run's treated customers); such a sweep leaves the changed-only cursor of ordinary sweeps alone.
    /// </summary>
    internal async ValueTask<SweepResult> SweepAsync(IStoreSession store, DateTimeOffset at, IReadOnlyList<ICareRule> rules, bool changedOnly,
        IReadOnlyCollection<CustomerCode>? only, CancellationToken ct)
    {
        var policy = context.Options.ContactPolicy;
        // Only an ordinary sweep moves the cursor, so only it asks for the sequence: a targeted
        // sweep may run after its unit of work has written, and a server store's stable sequence
        // waits for every older transaction, this one among them.
        var sequence = only is null ? await store.Changes.SequenceAsync(ct).ConfigureAwait(false) : 0;
        var expired = await ExpireAsync(store.Care, at, policy, ct).ConfigureAwait(false);

        var last = only is null ? await store.Changes.CursorAsync(SequenceKey, ct).ConfigureAwait(false) : null;
        var incremental = (changedOnly && last is not null) || only is not null;
        var scan = only is not null ? SnapshotScan.Only(only)
            : incremental
            ? SnapshotScan.Only(await store.Changes.ChangedSinceAsync(last!.Value, ct).ConfigureAwait(false))
            : SnapshotScan.All(parallel: true);

        // Streamed: customers are asked chunk by chunk, and only those with proposals are kept.
        var failures = new ConcurrentBag<EvaluationFailure>();
        var proposing = new List<(CustomerSnapshot Customer, List<(ICareRule Rule, CareAction Action)> Proposals)>();
        var evaluated = 0;
        var stages = StageRules.Count == 0 ? null : new StageSweep(context, StageRules, at);
        var needs = SnapshotNeeds.Of(rules.Select(r => r.Needs)).Union(stages?.Needs ?? SnapshotNeeds.None);
        await foreach (var scanned in store.Customers.ScanAsync(scan, ct).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            var chunk = await SnapshotCompletion.CompleteAsync(store, scanned, needs, ct).ConfigureAwait(false);
            if (stages is not null) chunk = stages.Evaluate(chunk);
            evaluated += chunk.Count;
            foreach (var (customer, list) in Propose(chunk, rules, at, failures))
            {
                if (customer is not null) proposing.Add((customer, list));
            }
        }
        var stageRun = stages is null ? null : await stages.RecordAsync(store, ct).ConfigureAwait(false);
        // The policy sees proposals in code order, so caps fall the same way on every run.
        proposing.Sort((a, b) => string.CompareOrdinal(a.Customer.Customer.Code.Value, b.Customer.Customer.Code.Value));

        var tasksByCustomer = incremental || proposing.Count == 0
            ? null
            : (await store.Care.AllAsync(ct).ConfigureAwait(false)).GroupBy(t => t.Customer).ToDictionary(g => g.Key, g => g.ToList());
        var proposed = 0;
        foreach (var (customer, proposals) in proposing)
        {
            ct.ThrowIfCancellationRequested();
            var code = customer.Customer.Code;
            var tasks = tasksByCustomer is null
                ? [.. await store.Care.OfAsync(code, ct).ConfigureAwait(false)]
                : tasksByCustomer.GetValueOrDefault(code) ?? [];
            foreach (var (rule, action) in proposals)
            {
                proposed++;
                await ApplyAsync(store, customer, rule, action, tasks, at, policy, ct).ConfigureAwait(false);
            }
        }
        if (only is null) await store.Changes.SetCursorAsync(SequenceKey, sequence, ct).ConfigureAwait(false);
        return new SweepResult(at, evaluated, proposed, _created, _known, _suppressed, expired,
            [.. failures.OrderBy(f => f.Customer.Value, StringComparer.Ordinal).ThenBy(f => f.Rule, StringComparer.Ordinal)])
        {
            SuppressedBy = _suppressedBy,
            Displaced = _displaced,
            Stages = stageRun,
        };
    }

    /// <summary>
    /// Passes one proposal for one customer through the contact policy, as a sweep would, inside
    /// the caller's write: the task it created, or null when the policy held it back (the
    /// suppression is recorded) or the occasion already has its task.
    /// </summary>
    internal async ValueTask<CareTask?> ProposeAsync(IStoreSession store, CustomerCode customer, ICareRule rule, CareAction action, DateTimeOffset at, CancellationToken ct)
    {
        CustomerSnapshot? snapshot = null;
        await foreach (var chunk in store.Customers.ScanAsync(SnapshotScan.Only([customer]), ct).ConfigureAwait(false))
            snapshot ??= chunk.FirstOrDefault();
        if (snapshot is null) throw new CustomerNotFoundException(customer);
        snapshot = await SnapshotCompletion.CompleteAsync(store, snapshot, rule.Needs, ct).ConfigureAwait(false);
        var tasks = (await store.Care.OfAsync(customer, ct).ConfigureAwait(false)).ToList();
        var before = tasks.Count;
        await ApplyAsync(store, snapshot, rule, action, tasks, at, context.Options.ContactPolicy, ct).ConfigureAwait(false);
        return tasks.Count > before ? tasks[^1] : null;
    }

    /// <summary>
    /// Every rule's proposals for each customer of a chunk, one entry per customer (a null customer
    /// when it has none); a rule that fails for a customer is reported and the other rules still run.
    /// </summary>
    private static (CustomerSnapshot, List<(ICareRule Rule, CareAction Action)>)[] Propose(IReadOnlyList<CustomerSnapshot> chunk, IReadOnlyList<ICareRule> rules, DateTimeOffset at, ConcurrentBag<EvaluationFailure> failures)
    {
        var lists = new List<(ICareRule, CareAction)>?[chunk.Count];
        foreach (var rule in rules)
        {
            var outcomes = rule.ProposeAll(chunk, at);
            for (var i = 0; i < chunk.Count; i++)
            {
                var outcome = outcomes[i];
                var found = new List<(ICareRule, CareAction)>();
                try
                {
                    if (outcome.Error is { } error) throw error;
                    foreach (var action in outcome.Value)
                    {
                        ArgumentNullException.ThrowIfNull(action);
                        action.Check(rule.Name);
                        found.Add((rule, action));
                    }
                }
                catch (Exception e)
                {
                    failures.Add(EvaluationFailure.From(rule.Name, chunk[i].Customer.Code, e));
                    continue;
                }
                if (found.Count > 0) (lists[i] ??= []).AddRange(found);
            }
        }
        var result = new (CustomerSnapshot, List<(ICareRule, CareAction)>)[chunk.Count];
        for (var i = 0; i < chunk.Count; i++) result[i] = lists[i] is { } list ? (chunk[i], list) : default;
        return result;
    }

    private static async ValueTask<int> ExpireAsync(ICareStore care, DateTimeOffset at, ContactPolicy policy, CancellationToken ct)
    {
        // A task expires once its due time plus the policy's expiry lies before the sweep.
        if (at - DateTimeOffset.MinValue <= policy.ExpireAfter) return 0;
        var overdue = await care.OpenDueBeforeAsync(at - policy.ExpireAfter, ct).ConfigureAwait(false);
        foreach (var task in overdue) await care.UpdateAsync(task.Expire(at), null, ct).ConfigureAwait(false);
        return overdue.Count;
    }

    private async ValueTask ApplyAsync(IStoreSession store, CustomerSnapshot snapshot, ICareRule rule, CareAction action, List<CareTask> tasks,
        DateTimeOffset at, ContactPolicy policy, CancellationToken ct)
    {
        var care = store.Care;
        var customer = snapshot.Customer;
        var occasion = rule.Name + ":" + action.Occasion;
        var channel = action.Channel;
        // A displaced task does not hold its occasion: the occasion may come back when there is room.
        if (tasks.Any(t => t.OccasionKey == occasion && t.Channel == channel && !t.IsDisplaced))
        {
            _known++;
            return;
        }

        var (due, verdict, counted) = Screen(snapshot, occasion, channel, action.Due, tasks, policy);
        if (verdict is { } held)
        {
            await SuppressAsync(care, customer.Code, rule, occasion, channel, held.Reason, held.Detail, at, ct).ConfigureAwait(false);
            return;
        }
        var attempted = counted.Count >= policy.MaxPerChannel && policy.Priority.Mode == CapPriorityMode.HigherPriorityDisplaces
            ? (await store.Operations.AttemptCountsAsync([.. counted.Where(t => t.Status == CareTaskStatus.Open).Select(t => t.Id)], ct).ConfigureAwait(false)).Keys.ToHashSet()
            : NoneAttempted;
        var decision = CapArbiter.Decide(counted, attempted, action.Priority, occasion, policy.MaxPerChannel, policy.Priority);
        if (decision.Verdict == CapVerdict.Refuse)
        {
            await SuppressAsync(care, customer.Code, rule, occasion, channel, SuppressionReason.FrequencyCap, CapDetail(counted.Count, channel, due, policy), at, ct).ConfigureAwait(false);
            return;
        }
        if (decision.Displaced is { } victim)
        {
            var withdrawn = victim.Displace(decision.Reason, at);
            await care.UpdateAsync(withdrawn, CareKeys.Displaced(withdrawn), ct).ConfigureAwait(false);
            await care.PutSuppressionAsync(new CareSuppression(victim.Customer, victim.Rule, victim.OccasionKey, victim.Channel, SuppressionReason.Displaced,
                $"task {victim.Id} withdrawn: {decision.Reason}", at), replace: true, ct).ConfigureAwait(false);
            tasks[tasks.FindIndex(t => t.Id == victim.Id)] = withdrawn;
            _displaced++;
        }

        var owner = action.Owner ?? customer.Owner;
        RoutedOwner? routed = null;
        if (owner is null && context.Options.Routing.Rules.Count > 0)
        {
            _router ??= new Router(context.Options.Routing, store);
            routed = await _router.PickAsync(AssignmentScope.Tasks, snapshot, null, null, ct).ConfigureAwait(false);
            owner = routed?.Owner;
        }
        var task = new CareTask
        {
            Customer = customer.Code,
            Rule = rule.Name,
            OccasionKey = occasion,
            Channel = channel,
            Due = due,
            ProposedDue = action.Due,
            Priority = action.Priority,
            Owner = owner,
            Note = action.Note,
            Status = CareTaskStatus.Open,
            CreatedAt = context.Now,
        };
        if (await care.InsertAsync(task, CareKeys.Dedup(task), ct).ConfigureAwait(false) is { } stored)
        {
            tasks.Add(stored);
            _created++;
            if (routed is not null)
                await store.Operations.AppendOwnerChangeAsync(new OwnerChange(stored.Customer, stored.Id, OwnerChangeKind.Routed, null, routed.Owner, at, Router.Actor, routed.Note), ct).ConfigureAwait(false);
        }
        else
        {
            // Another task already holds the occasion's key (one moved here by a merge, say).
            _known++;
        }
    }

    private async ValueTask SuppressAsync(ICareStore care, CustomerCode customer, ICareRule rule, string occasion, Channel channel, SuppressionReason reason,
        string detail, DateTimeOffset at, CancellationToken ct)
    {
        await care.PutSuppressionAsync(new CareSuppression(customer, rule.Name, occasion, channel, reason, detail, at), replace: true, ct).ConfigureAwait(false);
        _suppressed++;
        _suppressedBy[reason] = _suppressedBy.GetValueOrDefault(reason) + 1;
    }

    /// <summary>
    /// The contact policy's verdict on one proposal of normal priority, without writing: the due time
    /// it would get and, when it would be held back, why (the occasion closed on another channel, no
    /// consent, the cap). A proposal whose task already exists is not judged here.
    /// </summary>
    internal static (DateTimeOffset Due, (SuppressionReason Reason, string Detail)? HeldBack) Judge(CustomerSnapshot snapshot, string occasion, Channel channel,
        DateTimeOffset proposedDue, IReadOnlyCollection<CareTask> tasks, ContactPolicy policy)
    {
        var (due, held, counted) = Screen(snapshot, occasion, channel, proposedDue, tasks, policy);
        if (held is not null) return (due, held);
        var decision = CapArbiter.Decide(counted, NoneAttempted, TaskPriority.Normal, occasion, policy.MaxPerChannel, policy.Priority);
        return decision.Verdict == CapVerdict.Refuse ? (due, (SuppressionReason.FrequencyCap, CapDetail(counted.Count, channel, due, policy))) : (due, null);
    }

    /// <summary>
    /// Everything of the contact policy but the cap, without writing: the due time after quiet hours,
    /// why the proposal is held back (the occasion closed, no consent), and the tasks already counted
    /// against the cap on the channel around that due time.
    /// </summary>
    private static (DateTimeOffset Due, (SuppressionReason Reason, string Detail)? HeldBack, IReadOnlyCollection<CareTask> Counted) Screen(CustomerSnapshot snapshot,
        string occasion, Channel channel, DateTimeOffset proposedDue, IReadOnlyCollection<CareTask> tasks, ContactPolicy policy)
    {
        var customer = snapshot.Customer;
        var closed = tasks.FirstOrDefault(t => t.OccasionKey == occasion && t.ClosesOccasion);
        if (closed is not null)
            return (proposedDue, (SuppressionReason.OccasionClosed, $"{closed.Status.ToString().ToLowerInvariant()} on {closed.Channel} at {Iso(closed.ClosedAt)}"), []);
        if (customer.Consents.TryGetValue(channel, out var consent) ? !consent.Granted : policy.RequireOptIn)
        {
            var reason = consent is null ? SuppressionReason.NoConsent : SuppressionReason.OptedOut;
            return (proposedDue, (reason, consent is null ? $"no opt-in recorded for {channel}" : $"opted out of {channel} at {Iso(consent.At)}"), []);
        }

        var due = policy.NextAllowed(proposedDue, snapshot.Zone);
        return (due, null, [.. tasks.Where(t => t.Channel == channel && Counts(t.Status) && (t.Due - due).Duration() < policy.CapWindow)]);
    }

    private static string CapDetail(int near, Channel channel, DateTimeOffset due, ContactPolicy policy) =>
        string.Create(CultureInfo.InvariantCulture, $"{near} task(s) on {channel} due within {policy.CapWindow} of {Iso(due)}; the cap is {policy.MaxPerChannel}");

    private static readonly IReadOnlySet<long> NoneAttempted = new HashSet<long>();

    /// <summary>Tasks that count against the frequency cap: every contact made, attempted or still planned.</summary>
    internal static bool Counts(CareTaskStatus status) => status is CareTaskStatus.Open or CareTaskStatus.Done or CareTaskStatus.Declined or CareTaskStatus.Unreachable;

    private static string Iso(DateTimeOffset? instant) => instant?.ToString("o", CultureInfo.InvariantCulture) ?? "?";
}
