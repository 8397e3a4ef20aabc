using System.Collections.Concurrent;
using System.Globalization;
using CrmKit.Storage;
using LiteDB;

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
    private readonly SortedDictionary<SuppressionReason, int> _suppressedBy = [];

    internal SweepResult Sweep(DateTimeOffset at, IReadOnlyList<ICareRule> rules, bool changedOnly)
    {
        var store = context.Store;
        var policy = context.Options.ContactPolicy;
        var sequence = store.ChangeSequence;
        var expired = Expire(at, policy);

        var last = store.Meta.FindById(SequenceKey)?["v"].AsInt64 ?? -1;
        var failures = new ConcurrentBag<EvaluationFailure>();
        List<(CustomerSnapshot Customer, List<(ICareRule Rule, CareAction Action)> Proposals)> proposing;
        int evaluated;
        if (changedOnly && last >= 0)
        {
            var changed = store.ChangedSince(last).Select(c => Snapshots.One(store, c)).OfType<CustomerSnapshot>().ToList();
            evaluated = changed.Count;
            proposing = [.. changed.Chunk(Snapshots.ChunkSize).SelectMany(chunk => Propose(chunk, rules, at, failures)).Where(p => p.Item1 is not null)];
        }
        else
        {
            // Streamed: only customers with proposals are kept, never the whole base at once.
            var all = Snapshots.Evaluate(store, chunk => Propose(chunk, rules, at, failures), parallel: true);
            evaluated = all.Count;
            proposing = [.. all.Select(r => r.Result).Where(r => r.Item1 is not null)];
        }
        // The policy sees proposals in code order, so caps fall the same way on every run.
        proposing.Sort((a, b) => string.CompareOrdinal(a.Customer.Customer.Code.Value, b.Customer.Customer.Code.Value));

        var tasksByCustomer = changedOnly
            ? null
            : store.CareTasks.FindAll().Select(CareDocument.FromBson).GroupBy(t => t.Customer.Value).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var proposed = 0;
        foreach (var (customer, proposals) in proposing)
        {
            var code = customer.Customer.Code.Value;
            var tasks = tasksByCustomer is null
                ? store.CareTasks.Find(Query.EQ("c", code)).Select(CareDocument.FromBson).ToList()
                : tasksByCustomer.GetValueOrDefault(code) ?? [];
            foreach (var (rule, action) in proposals)
            {
                proposed++;
                Apply(customer, rule, action, tasks, at, policy);
            }
        }
        store.Meta.Upsert(new BsonDocument { ["_id"] = SequenceKey, ["v"] = sequence });
        return new SweepResult(at, evaluated, proposed, _created, _known, _suppressed, expired,
            [.. failures.OrderBy(f => f.Customer.Value, StringComparer.Ordinal).ThenBy(f => f.Rule, StringComparer.Ordinal)])
        {
            SuppressedBy = _suppressedBy,
        };
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

    private int Expire(DateTimeOffset at, ContactPolicy policy)
    {
        var expired = 0;
        foreach (var doc in context.Store.CareTasks.Find(Query.EQ("st", (int)CareTaskStatus.Open)).ToList())
        {
            var task = CareDocument.FromBson(doc);
            if (task.Due + policy.ExpireAfter >= at) continue;
            context.Store.CareTasks.Update(CareDocument.ToBson(task with { Status = CareTaskStatus.Expired, ClosedAt = at, Outcome = "expired", ClosedBy = "sweep" }));
            expired++;
        }
        return expired;
    }

    private void Apply(CustomerSnapshot snapshot, ICareRule rule, CareAction action, List<CareTask> tasks, DateTimeOffset at, ContactPolicy policy)
    {
        var customer = snapshot.Customer;
        var occasion = rule.Name + ":" + action.Occasion;
        var channel = action.Channel;
        if (tasks.Any(t => t.OccasionKey == occasion && t.Channel == channel))
        {
            _known++;
            return;
        }

        var closed = tasks.FirstOrDefault(t => t.OccasionKey == occasion && t.Status is CareTaskStatus.Done or CareTaskStatus.Declined);
        if (closed is not null)
        {
            Suppress(customer.Code, rule, occasion, channel, SuppressionReason.OccasionClosed, $"{closed.Status.ToString().ToLowerInvariant()} on {closed.Channel} at {Iso(closed.ClosedAt)}", at);
            return;
        }
        if (customer.Consents.TryGetValue(channel, out var consent) ? !consent.Granted : policy.RequireOptIn)
        {
            var reason = consent is null ? SuppressionReason.NoConsent : SuppressionReason.OptedOut;
            Suppress(customer.Code, rule, occasion, channel, reason,
                consent is null ? $"no opt-in recorded for {channel}" : $"opted out of {channel} at {Iso(consent.At)}", at);
            return;
        }

        var due = policy.NextAllowed(action.Due, snapshot.Zone);
        var near = tasks.Count(t => t.Channel == channel && Counts(t.Status) && (t.Due - due).Duration() < policy.CapWindow);
        if (near >= policy.MaxPerChannel)
        {
            Suppress(customer.Code, rule, occasion, channel, SuppressionReason.FrequencyCap,
                string.Create(CultureInfo.InvariantCulture, $"{near} task(s) on {channel} due within {policy.CapWindow} of {Iso(due)}; the cap is {policy.MaxPerChannel}"), at);
            return;
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
            Owner = action.Owner ?? customer.Owner,
            Note = action.Note,
            Status = CareTaskStatus.Open,
            CreatedAt = context.Now,
        };
        var id = context.Store.CareTasks.Insert(CareDocument.ToBson(task)).AsInt64;
        tasks.Add(task with { Id = id });
        _created++;
    }

    private void Suppress(CustomerCode customer, ICareRule rule, string occasion, Channel channel, SuppressionReason reason, string detail, DateTimeOffset at)
    {
        context.Store.CareSuppressions.Upsert(CareDocument.ToBson(new CareSuppression(customer, rule.Name, occasion, channel, reason, detail, at)));
        _suppressed++;
        _suppressedBy[reason] = _suppressedBy.GetValueOrDefault(reason) + 1;
    }

    /// <summary>Tasks that count against the frequency cap: every contact made or still planned.</summary>
    internal static bool Counts(CareTaskStatus status) => status is CareTaskStatus.Open or CareTaskStatus.Done or CareTaskStatus.Declined;

    private static string Iso(DateTimeOffset? instant) => instant?.ToString("o", CultureInfo.InvariantCulture) ?? "?";
}
