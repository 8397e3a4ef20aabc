using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Cases;

/// <summary>
/// Invariants of service operations through a database: reassigning a leaving owner's book loses no
/// task or case, contact attempts never break the contact policy, under a full cap an urgent
/// task is never dropped while below urgent the cap holds, and a displaced occasion comes back once
/// there is room.
/// </summary>
public class OperationsProperties
{
    private static readonly string[] Owners = ["ana", "bo", "cy"];
    private static readonly Team Desk = new("desk", Owners);
    private static readonly RoutingPolicy Routing = new() { Teams = [Desk], Rules = [new AssignmentRule("in-turn", AssignmentScope.Tasks) { DefaultTeam = "desk" }] };

    /// <summary>Customers' owners (3 for none), cases (customer, owner, resolved?) and whether to reassign to one owner or by rule.</summary>
    private static Gen<(int[] CustomerOwners, (int Customer, int Owner, bool Resolved)[] Cases, bool ByRule)> Books =>
        from owners in Gen.Choose(0, 3).ArrayOf().Where(a => a.Length is >= 1 and <= 6)
        from cases in (from customer in Gen.Choose(0, 5) from owner in Gen.Choose(0, 2) from resolved in Gen.Elements(true, false) select (customer, owner, resolved))
            .ArrayOf().Where(a => a.Length <= 5)
        from byRule in Gen.Elements(true, false)
        select (owners, cases.Select(c => (c.customer % owners.Length, c.owner, c.resolved)).ToArray(), byRule);

    [Property(MaxTest = 25)]
    public Property Reassigning_a_leaving_owners_book_loses_no_task_or_case() =>
        Prop.ForAll(Books.ToArbitrary(), book =>
        {
            using var db = TestDatabase.InMemory(o => o with { Routing = Routing });
            for (var i = 0; i < book.CustomerOwners.Length; i++)
                db.Crm.Customers.Create(new Customer($"B{i}", $"Customer {i}") { Owner = book.CustomerOwners[i] < 3 ? Owners[book.CustomerOwners[i]] : null });
            db.Crm.Care.Sweep([new Proposes("renewal", Channel.Phone, TaskPriority.Normal)], db.Clock.GetUtcNow());
            foreach (var (customer, owner, resolved) in book.Cases)
            {
                var opened = db.Crm.Cases.Open($"B{customer}", "complaint", TaskPriority.Normal, "late", Channel.Phone, "desk");
                db.Crm.Cases.Assign(opened.Id, Owners[owner], "desk");
                if (resolved) db.Crm.Cases.Resolve(opened.Id, "cause", "fixed", Owners[owner]);
            }
            var before = db.Crm.Queues.Open().ToDictionary(i => (i.Kind, i.Id), i => i.Owner);
            var closedBefore = db.Crm.Cases.List().Where(c => c.Resolution is not null).ToDictionary(c => c.Id, c => c.Owner);
            db.Clock.Advance(TimeSpan.FromMinutes(5));

            var result = book.ByRule ? db.Crm.Queues.ReassignByRule("ana", "in-turn", "lead") : db.Crm.Queues.Reassign("ana", "dee", "lead");

            var after = db.Crm.Queues.Open().ToDictionary(i => (i.Kind, i.Id), i => i.Owner);
            if (!after.Keys.ToHashSet().SetEquals(before.Keys)) return false.Label("the open tasks and active cases changed");
            foreach (var (key, owner) in before)
            {
                if (owner == "ana" && (after[key] is null or "ana")) return false.Label($"{key} was not moved off ana");
                if (owner != "ana" && after[key] != owner) return false.Label($"{key} of {owner} moved to {after[key]}");
            }
            var held = before.Count(kv => kv.Value == "ana");
            if (result.Tasks + result.Cases != held) return false.Label($"{result.Tasks + result.Cases} moved, {held} held");
            if (db.Crm.Customers.OwnedBy("ana", PageRequest.First).Items.Count != 0) return false.Label("ana still owns customers");
            if (db.Crm.Cases.List().Where(c => c.Resolution is not null).Any(c => closedBefore[c.Id] != c.Owner)) return false.Label("a resolved case changed hands");
            var history = Enumerable.Range(0, book.CustomerOwners.Length).SelectMany(i => db.Crm.Queues.OwnerHistory($"B{i}"))
                .Count(h => h.Kind == OwnerChangeKind.Reassigned);
            return (history == result.Customers + result.Tasks).Label("every customer and task moved is in the owner history");
        });

    private static readonly string[] Zones = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "America/Sao_Paulo"];

    /// <summary>A zone, whether SMS is opted out, and attempts: (outcome, minutes after the previous one, on SMS?).</summary>
    private static Gen<(string Zone, bool SmsOptedOut, (AttemptOutcome Outcome, int Minutes, bool Sms)[] Attempts)> AttemptRuns =>
        from zone in Gen.Elements(Zones)
        from optedOut in Gen.Elements(true, false)
        from attempts in (from outcome in Gen.Elements(Enum.GetValues<AttemptOutcome>())
                          from minutes in Gen.Choose(0, 36 * 60)
                          from sms in Gen.Elements(false, false, true)
                          select (outcome, minutes, sms)).ArrayOf().Where(a => a.Length is >= 1 and <= 7)
        select (zone, optedOut, attempts);

    [Property(MaxTest = 30)]
    public Property Attempts_never_break_the_contact_policy() =>
        Prop.ForAll(AttemptRuns.ToArbitrary(), run =>
        {
            var policy = ContactPolicy.Default with { MaxPerChannel = 1, Retry = new RetryPolicy { MaxAttempts = 4, Intervals = [TimeSpan.FromHours(3), TimeSpan.FromHours(20)] } };
            using var db = TestDatabase.InMemory(o => o with { ContactPolicy = policy });
            var zone = TimeZoneInfo.FindSystemTimeZoneById(run.Zone);
            db.Crm.Customers.Create(new Customer("A1", "Attempted")
            {
                TimeZone = run.Zone,
                Consents = run.SmsOptedOut ? new Dictionary<Channel, Consent> { [Channel.Sms] = new(false, db.Clock.GetUtcNow()) } : new Dictionary<Channel, Consent>(),
            });
            db.Crm.Care.Sweep([new Proposes("renewal", Channel.Phone, TaskPriority.Normal)], db.Clock.GetUtcNow());
            var task = db.Crm.Care.For("A1").Single();
            var counted = db.Crm.Care.For("A1").Count;
            var recorded = 0;
            foreach (var (outcome, minutes, sms) in run.Attempts)
            {
                db.Clock.Advance(TimeSpan.FromMinutes(minutes));
                var before = db.Crm.Care.Get(task.Id);
                AttemptResult result;
                try
                {
                    result = db.Crm.Care.Attempt(task.Id, outcome, "agent", new AttemptDetails { Channel = sms ? Channel.Sms : Channel.Phone });
                }
                catch (CrmValidationException e)
                {
                    var spent = before.Status != CareTaskStatus.Open || recorded >= policy.Retry.MaxAttempts;
                    var expected = (sms && run.SmsOptedOut && e.Field == "attempt.channel") || (spent && e.Field == "task");
                    if (!expected) return false.Label($"refused: {e.Message}");
                    if (db.Crm.Care.Get(task.Id) != before || db.Crm.Care.Attempts(task.Id).Count != recorded) return false.Label("a refused attempt wrote");
                    continue;
                }
                recorded++;
                if (sms && run.SmsOptedOut) return false.Label("an attempt used an opted-out channel");
                if (before.Status != CareTaskStatus.Open) return false.Label("a closed task was attempted");
                if (recorded > policy.Retry.MaxAttempts) return false.Label("more attempts than the retry policy allows");
                var after = result.Task!;
                switch (result.Retry.Verdict)
                {
                    case RetryVerdict.Retry:
                        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(after.Due, zone).DateTime);
                        if (after.Status != CareTaskStatus.Open || after.Due <= result.Attempt.At || policy.IsQuiet(local))
                            return false.Label($"retry at {after.Due:o} ({local} local) after an attempt at {result.Attempt.At:o}");
                        break;
                    case RetryVerdict.Reached:
                        if (after.Status != CareTaskStatus.Open || after.Due != before.Due) return false.Label("a reached task changed");
                        break;
                    default:
                        if (after.Status != CareTaskStatus.Unreachable) return false.Label($"{result.Retry.Verdict} left the task {after.Status}");
                        break;
                }
                if (after != db.Crm.Care.Get(task.Id)) return false.Label("the stored task differs from the result");
            }
            if (db.Crm.Care.For("A1").Count != counted) return false.Label("attempts made tasks");
            return (db.Crm.Care.Attempts(task.Id).Count == recorded).Label("every attempt made is stored, and only those");
        });

    /// <summary>Proposals for one customer on the phone: (priority, occasion), in rule order; and the mode.</summary>
    private static Gen<(TaskPriority[] Priorities, bool Displace, int Cap)> Proposals =>
        from priorities in Gen.Elements(Enum.GetValues<TaskPriority>()).ArrayOf().Where(a => a.Length is >= 1 and <= 7)
        from displace in Gen.Elements(true, false)
        from cap in Gen.Choose(1, 3)
        select (priorities, displace, cap);

    [Property(MaxTest = 40)]
    public Property Under_a_full_cap_an_urgent_task_is_never_dropped_and_below_urgent_the_cap_holds() =>
        Prop.ForAll(Proposals.ToArbitrary(), p =>
        {
            var mode = p.Displace ? CapPriorityMode.HigherPriorityDisplaces : CapPriorityMode.UrgentBypassesCap;
            using var db = TestDatabase.InMemory(o => o with { ContactPolicy = ContactPolicy.Default with { MaxPerChannel = p.Cap, Priority = new PriorityPolicy { Mode = mode } } });
            db.Crm.Customers.Create(new Customer("P1", "Capped"));
            var rules = p.Priorities.Select((priority, i) => (ICareRule)new Proposes($"rule-{i}", Channel.Phone, priority)).ToArray();
            var sweep = db.Crm.Care.Sweep(rules, db.Clock.GetUtcNow());
            var tasks = db.Crm.Care.For("P1");
            var urgent = p.Priorities.Count(x => x == TaskPriority.Urgent);
            if (tasks.Count(t => t.Priority == TaskPriority.Urgent && t.Status == CareTaskStatus.Open) != urgent) return false.Label("an urgent proposal was dropped");
            var routineOpen = tasks.Count(t => t.Priority != TaskPriority.Urgent && t.Status == CareTaskStatus.Open);
            if (routineOpen > p.Cap) return false.Label($"{routineOpen} routine tasks open under a cap of {p.Cap}");
            if (tasks.Count(t => t.Status == CareTaskStatus.Open) > p.Cap + urgent) return false.Label("more open tasks than the cap and the urgent ones over it");
            var withdrawn = tasks.Where(t => t.Status == CareTaskStatus.Withdrawn).ToList();
            if (!p.Displace && withdrawn.Count > 0) return false.Label("bypass mode displaced a task");
            var displaced = db.Crm.Care.Suppressions("P1").Where(s => s.Reason == SuppressionReason.Displaced).ToList();
            if (withdrawn.Count != displaced.Count || withdrawn.Count != sweep.Displaced) return false.Label("a displaced task was not recorded as displaced");
            if (withdrawn.Any(w => !tasks.Any(t => t.Status == CareTaskStatus.Open && t.Priority > w.Priority))) return false.Label("a task gave way to one not above it");
            var refused = db.Crm.Care.Suppressions("P1").Count(s => s.Reason == SuppressionReason.FrequencyCap);
            return (tasks.Count + refused == p.Priorities.Length).Label("every proposal became a task or a cap suppression");
        });

    [Property(MaxTest = 30)]
    public Property A_displaced_occasion_waits_while_the_cap_is_full_and_comes_back_once_there_is_room() =>
        Prop.ForAll(Proposals.ToArbitrary(), p =>
        {
            var policy = ContactPolicy.Default with { MaxPerChannel = p.Cap, Priority = new PriorityPolicy { Mode = CapPriorityMode.HigherPriorityDisplaces } };
            using var db = TestDatabase.InMemory(o => o with { ContactPolicy = policy });
            db.Crm.Customers.Create(new Customer("P1", "Capped"));
            var rules = p.Priorities.Select((priority, i) => (ICareRule)new Proposes($"rule-{i}", Channel.Phone, priority)).ToArray();
            db.Crm.Care.Sweep(rules, db.Clock.GetUtcNow());
            var first = db.Crm.Care.For("P1");
            var held = first.Count(t => t.Status == CareTaskStatus.Open);
            // Waiting: the occasions displaced or refused under the cap; none of them is urgent.
            var waiting = rules.Length - held;

            // The same day nothing changes: a displaced occasion never pushes out what displaced it.
            var again = db.Crm.Care.Sweep(rules, db.Clock.GetUtcNow());
            if (again.Created + again.Displaced != 0) return false.Label($"the repeated sweep created {again.Created} and displaced {again.Displaced}");
            if (again.AlreadyKnown != held) return false.Label($"{again.AlreadyKnown} occasions known the same day, {held} held");

            // Once the cap window has passed, the waiting occasions are proposed again and as many come back as the cap takes.
            db.Clock.Advance(policy.CapWindow + TimeSpan.FromDays(1));
            var later = db.Crm.Care.Sweep(rules, db.Clock.GetUtcNow());
            var tasks = db.Crm.Care.For("P1");
            var live = tasks.Where(t => t.Status == CareTaskStatus.Open).ToList();
            if (live.GroupBy(t => t.OccasionKey).Any(g => g.Count() > 1)) return false.Label("an occasion has two open tasks");
            if (later.AlreadyKnown != held) return false.Label($"{later.AlreadyKnown} occasions known later, {held} held");
            var back = live.Count(t => first.All(f => f.Id != t.Id));
            return (back == Math.Min(waiting, p.Cap)).Label($"{back} of {waiting} waiting occasion(s) came back under a cap of {p.Cap}");
        });

    /// <summary>Proposes one action now, for every customer.</summary>
    private sealed class Proposes(string name, Channel channel, TaskPriority priority) : ICareRule
    {
        public string Name => name;

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) => [new CareAction("1", now, channel, priority)];
    }
}
