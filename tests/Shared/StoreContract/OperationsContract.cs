using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>
/// Service operations through the database on the store under test: contact attempts with their
/// retries, owner changes and queues, reassignment of a leaving owner's book, routing, one contact
/// settling several occasions, priorities under a full cap, and merge and erasure carrying the
/// records along.
/// </summary>
public abstract class OperationsContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static readonly Team Desk = new("desk", ["ana", "bo", "cy"]);

    private static Customer Person(string code, string? owner = null) => new(code, "Name " + code) { Owner = owner };

    private static CareTask Task(TestDatabase db, string customer, string rule, Channel channel, TaskPriority priority = TaskPriority.Normal, string occasion = "1")
    {
        db.Crm.Care.Sweep([new OneCall(rule, channel, priority, occasion)], db.Clock.GetUtcNow());
        return db.Crm.Care.For(customer).Single(t => t.Rule == rule && t.Channel == channel && t.Status == CareTaskStatus.Open);
    }

    private static IReadOnlyList<Interaction> Attempts(TestDatabase db, string customer) =>
        [.. db.Crm.Interactions.For(customer, PageRequest.First).Items.Where(i => i.Kind == ContactAttempt.Kind)];

    [Fact]
    public void Failed_attempts_move_the_task_to_its_retries_and_spent_attempts_close_it_as_unreachable()
    {
        using var db = Open();
        db.Crm.Customers.Create(Person("K1"));
        var task = Task(db, "K1", "renewal", Channel.Phone);
        db.Clock.Advance(TimeSpan.FromHours(1));

        var first = db.Crm.Care.Attempt(task.Id, AttemptOutcome.NoAnswer, "agent.a", new AttemptDetails { Note = "rang out" });
        Assert.Equal((RetryVerdict.Retry, CareTaskStatus.Open), (first.Retry.Verdict, first.Task!.Status));
        Assert.Equal(db.Clock.GetUtcNow().AddHours(4), first.Task.Due);
        Assert.Equal(first.Task, db.Crm.Care.Get(task.Id));

        db.Clock.Advance(TimeSpan.FromHours(4));
        var second = db.Crm.Care.Attempt(task.Id, AttemptOutcome.Busy, "agent.a", new AttemptDetails { Channel = Channel.Sms });
        Assert.Equal(db.Clock.GetUtcNow().AddDays(1), second.Task!.Due);
        db.Clock.Advance(TimeSpan.FromDays(1));
        var third = db.Crm.Care.Attempt(task.Id, AttemptOutcome.NoAnswer, "agent.b");
        Assert.Equal((RetryVerdict.Exhausted, CareTaskStatus.Unreachable), (third.Retry.Verdict, third.Task!.Status));
        Assert.Equal(CareTaskStatus.Unreachable, db.Crm.Care.Get(task.Id).Status);

        var stored = db.Crm.Care.Attempts(task.Id);
        Assert.Equal([first.Attempt, second.Attempt, third.Attempt], stored);
        Assert.Equal(["phone", "sms", "phone"], stored.Select(a => a.Channel.Name));
        Assert.Equal("rang out", stored[0].Note);
        Assert.True(stored[0].Id < stored[1].Id && stored[1].Id < stored[2].Id);
        Assert.Equal(["no-answer", "busy", "no-answer"], Attempts(db, "K1").OrderBy(i => i.OccurredAt).Select(i => i.Outcome));
        Assert.Equal("sms", Attempts(db, "K1").OrderBy(i => i.OccurredAt).ElementAt(1).Channel.Name);
        Assert.Equal("task", Assert.Throws<CrmValidationException>(() => db.Crm.Care.Attempt(task.Id, AttemptOutcome.Reached, "agent.a")).Field);
    }

    [Fact]
    public void An_attempt_on_a_channel_the_customer_opted_out_of_is_refused_and_writes_nothing()
    {
        using var db = Open();
        db.Crm.Customers.Create(Person("K2") with { Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(false, db.Clock.GetUtcNow()) } });
        var task = Task(db, "K2", "renewal", Channel.Phone);
        var refused = Assert.Throws<CrmValidationException>(() => db.Crm.Care.Attempt(task.Id, AttemptOutcome.NoAnswer, "a", new AttemptDetails { Channel = Channel.Sms }));
        Assert.Equal("attempt.channel", refused.Field);
        Assert.Empty(db.Crm.Care.Attempts(task.Id));
        Assert.Empty(Attempts(db, "K2"));
        Assert.Equal(task, db.Crm.Care.Get(task.Id));
        var reached = db.Crm.Care.Attempt(task.Id, AttemptOutcome.Reached, "a");
        Assert.Equal((RetryVerdict.Reached, CareTaskStatus.Open), (reached.Retry.Verdict, reached.Task!.Status));
    }

    [Fact]
    public void Attempts_on_a_case_are_kept_in_its_history_and_reaching_the_customer_is_its_first_response()
    {
        using var db = Open();
        db.Crm.Customers.Create(Person("K3"));
        var opened = db.Crm.Cases.Open("K3", "complaint", TaskPriority.High, "No signal", Channel.Phone, "desk");
        db.Clock.Advance(TimeSpan.FromMinutes(30));
        var missed = db.Crm.Cases.Attempt(opened.Id, AttemptOutcome.NoAnswer, "agent.a");
        Assert.Equal((CaseChangeKind.ContactAttempted, (DateTimeOffset?)null), (missed.Case!.History[^1].Kind, missed.Case.FirstResponseAt));
        db.Clock.Advance(TimeSpan.FromMinutes(30));
        var reached = db.Crm.Cases.Attempt(opened.Id, AttemptOutcome.Reached, "agent.a");
        Assert.Equal(db.Clock.GetUtcNow(), db.Crm.Cases.Get(opened.Id).FirstResponseAt);
        Assert.Equal(RetryVerdict.Reached, reached.Retry.Verdict);
        Assert.Equal([missed.Attempt, reached.Attempt], db.Crm.Cases.Attempts(opened.Id));
        Assert.Equal(2, Assert.Single(db.Crm.Queues.Open(new QueueQuery { Kind = WorkItemKind.Case })).Attempts);
        Assert.Equal(2, Attempts(db, "K3").Count);
    }

    [Fact]
    public void Claims_assignments_and_transfers_of_tasks_are_recorded_and_the_queue_follows_them()
    {
        using var db = Open();
        db.Crm.Customers.Create(Person("K4", "ana"));
        db.Crm.Customers.Create(Person("K5"));
        db.Crm.Care.Sweep([new OneCall("renewal", Channel.Phone, TaskPriority.Normal, "1")], db.Clock.GetUtcNow());
        var held = db.Crm.Care.For("K4").Single();
        var free = db.Crm.Care.For("K5").Single();
        Assert.Equal([free.Id], db.Crm.Queues.Open(new QueueQuery { Unowned = true }).Select(i => i.Id));
        Assert.Equal("task", Assert.Throws<CrmValidationException>(() => db.Crm.Queues.ClaimTask(held.Id, "bo")).Field);

        db.Crm.Queues.ClaimTask(free.Id, "bo");
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        var moved = db.Crm.Queues.TransferTask(free.Id, "cy", "lead", "store can act");
        Assert.Equal("cy", moved.Owner);
        Assert.Equal("cy", db.Crm.Care.Get(free.Id).Owner);
        var history = db.Crm.Queues.TaskOwnerHistory(free.Id);
        Assert.Equal([(OwnerChangeKind.Claimed, null, "bo", "bo"), (OwnerChangeKind.Transferred, "bo", "cy", "lead")],
            history.Select(h => (h.Kind, h.From, h.To, h.Actor)).ToArray());
        Assert.Equal("store can act", history[1].Note);

        var customer = db.Crm.Customers.Get("K5");
        db.Crm.Customers.Update(customer with { Owner = "cy" });
        Assert.Equal([(OwnerChangeKind.Claimed, (long?)free.Id), (OwnerChangeKind.Transferred, free.Id), (OwnerChangeKind.Updated, null)],
            db.Crm.Queues.OwnerHistory("K5").Select(h => (h.Kind, h.Task)).ToArray());
        Assert.Equal([held.Id], db.Crm.Queues.Open(new QueueQuery { Owner = "ana" }).Select(i => i.Id));
        Assert.Empty(db.Crm.Queues.Open(new QueueQuery { Channel = Channel.Email }));
    }

    [Fact]
    public void Reassigning_a_leaving_owners_book_moves_customers_open_tasks_and_active_cases_with_history()
    {
        using var db = Open();
        db.Crm.Customers.Create(Person("K6", "ana"));
        db.Crm.Customers.Create(Person("K7", "bo"));
        db.Crm.Care.Sweep([new OneCall("renewal", Channel.Phone, TaskPriority.Normal, "1")], db.Clock.GetUtcNow());
        var active = db.Crm.Cases.Assign(db.Crm.Cases.Open("K7", "complaint", TaskPriority.Normal, "Late", Channel.Phone, "desk").Id, "ana", "desk");
        var resolved = db.Crm.Cases.Assign(db.Crm.Cases.Open("K7", "inquiry", TaskPriority.Normal, "Hours", Channel.Phone, "desk").Id, "ana", "desk");
        db.Crm.Cases.Resolve(resolved.Id, "info", "told", "ana");
        var before = db.Crm.Queues.Open().Select(i => (i.Kind, i.Id)).ToHashSet();

        db.Clock.Advance(TimeSpan.FromHours(1));
        var result = db.Crm.Queues.Reassign("ana", "dee", "lead");
        // The renewal call and the resolved case's satisfaction check are ana's open tasks.
        Assert.Equal((1, 2, 1), (result.Customers, result.Tasks, result.Cases));
        Assert.Equal("dee", db.Crm.Customers.Get("K6").Owner);
        Assert.Equal(before, db.Crm.Queues.Open().Select(i => (i.Kind, i.Id)).ToHashSet());
        Assert.Empty(db.Crm.Queues.Open(new QueueQuery { Owner = "ana" }));
        Assert.Equal(3, db.Crm.Queues.Open(new QueueQuery { Owner = "dee" }).Count);
        Assert.Equal((CaseChangeKind.Transferred, "ana", "dee"), (db.Crm.Cases.Get(active.Id).History[^1].Kind, db.Crm.Cases.Get(active.Id).History[^1].FromOwner, db.Crm.Cases.Get(active.Id).Owner));
        Assert.Equal("ana", db.Crm.Cases.Get(resolved.Id).Owner);
        Assert.Equal([OwnerChangeKind.Reassigned, OwnerChangeKind.Reassigned], db.Crm.Queues.OwnerHistory("K6").Select(h => h.Kind));
        Assert.Equal("to", Assert.Throws<CrmValidationException>(() => db.Crm.Queues.Reassign("dee", "dee", "lead")).Field);
    }

    [Fact]
    public void Assignment_rules_route_new_customers_in_turn_and_a_rule_reassigns_a_book_never_back_to_the_leaver()
    {
        var routing = new RoutingPolicy
        {
            Teams = [Desk, new Team("vip", ["zoe"])],
            Rules =
            [
                new AssignmentRule("vip-cases", AssignmentScope.Cases) { Key = AssignmentKey.Tier, Teams = new Dictionary<string, string> { ["gold"] = "vip" } },
                new AssignmentRule("in-turn", AssignmentScope.All) { DefaultTeam = "desk" },
            ],
        };
        using var db = Open(o => o with { Routing = routing });
        db.Crm.Customers.CreateMany([Person("N1"), Person("N2"), Person("N3")]);
        db.Crm.Customers.Create(Person("N4"));
        Assert.Equal(["ana", "bo", "cy", "ana"], new[] { "N1", "N2", "N3", "N4" }.Select(c => db.Crm.Customers.Get(c).Owner));
        Assert.Equal((OwnerChangeKind.Routed, "routing"), db.Crm.Queues.OwnerHistory("N1").Select(h => (h.Kind, h.Actor)).Single());

        var gold = db.Crm.Cases.Open("N2", "complaint", TaskPriority.High, "Slow", Channel.Phone, "desk", tier: "gold");
        var plain = db.Crm.Cases.Open("N2", "complaint", TaskPriority.High, "Slow", Channel.Phone, "desk");
        Assert.Equal(("zoe", CaseStatus.Assigned), (gold.Owner, gold.Status));
        Assert.Equal("bo", plain.Owner);

        var result = db.Crm.Queues.ReassignByRule("ana", "in-turn", "lead");
        Assert.Equal(2, result.Customers);
        Assert.DoesNotContain(result.Moved, m => m.To == "ana");
        Assert.Empty(db.Crm.Queues.Open(new QueueQuery { Owner = "ana" }));
        Assert.Equal("rule", Assert.Throws<CrmValidationException>(() => db.Crm.Queues.ReassignByRule("bo", "no-such-rule", "lead")).Field);
        Assert.Equal(["bo"], db.Crm.Queues.Open(new QueueQuery { Team = "desk" }).Select(i => i.Owner));
    }

    [Fact]
    public void Least_loaded_routing_gives_new_tasks_to_the_member_holding_the_least_work()
    {
        var routing = new RoutingPolicy
        {
            Teams = [Desk],
            Rules = [new AssignmentRule("lightest", AssignmentScope.Tasks) { DefaultTeam = "desk", Pick = AssignmentPick.LeastLoaded }],
        };
        using var db = Open(o => o with { Routing = routing });
        db.Crm.Customers.Create(Person("L1", "ana"));
        db.Crm.Customers.Create(Person("L2", "ana"));
        db.Crm.Customers.Create(Person("L3", "bo"));
        db.Crm.Customers.Create(Person("L4"));
        db.Crm.Customers.Create(Person("L5"));
        db.Crm.Care.Sweep([new OneCall("renewal", Channel.Phone, TaskPriority.Normal, "1")], db.Clock.GetUtcNow());
        Assert.Equal(["cy", "bo"], new[] { "L4", "L5" }.Select(c => db.Crm.Care.For(c).Single().Owner));
        Assert.Equal(OwnerChangeKind.Routed, db.Crm.Queues.TaskOwnerHistory(db.Crm.Care.For("L4").Single().Id).Single().Kind);
    }

    [Fact]
    public void One_contact_settles_several_occasions_each_with_its_own_outcome_and_stands_down_their_other_channels()
    {
        using var db = Open();
        db.Crm.Customers.Create(Person("K8"));
        var greeting = Task(db, "K8", "birthday", Channel.Phone);
        var renewal = Task(db, "K8", "renewal", Channel.Phone);
        var renewalSms = Task(db, "K8", "renewal", Channel.Sms);
        var before = db.Crm.Interactions.Count();

        var closed = db.Crm.Care.Settle([new TaskSettlement(greeting.Id, "greeted"), new TaskSettlement(renewal.Id, "renewed")], "agent.a");
        Assert.Equal([("greeted", CareTaskStatus.Done), ("renewed", CareTaskStatus.Done)], closed.Select(t => (t.Outcome!, t.Status)).ToArray());
        Assert.Equal(CareTaskStatus.Withdrawn, db.Crm.Care.Get(renewalSms.Id).Status);
        Assert.Equal(before + 1, db.Crm.Interactions.Count());
        Assert.Equal("task", Assert.Throws<CrmValidationException>(() => db.Crm.Care.Settle([new TaskSettlement(greeting.Id, "again")], "a")).Field);
        Assert.Equal("settled", Assert.Throws<CrmValidationException>(() => db.Crm.Care.Settle([], "a")).Field);
    }

    [Fact]
    public void Under_a_full_cap_an_urgent_task_displaces_an_unattempted_routine_one_which_is_recorded_as_displaced()
    {
        var policy = ContactPolicy.Default with { MaxPerChannel = 1, Priority = new PriorityPolicy { Mode = CapPriorityMode.HigherPriorityDisplaces } };
        using var db = Open(o => o with { ContactPolicy = policy });
        db.Crm.Customers.Create(Person("K9"));
        db.Crm.Customers.Create(Person("K10"));
        var routine9 = Task(db, "K9", "offer", Channel.Phone);
        var routine10 = db.Crm.Care.For("K10").Single();
        db.Crm.Care.Attempt(routine10.Id, AttemptOutcome.NoAnswer, "agent.a");

        var sweep = db.Crm.Care.Sweep([new OneCall("arrears", Channel.Phone, TaskPriority.Urgent, "2026-11")], db.Clock.GetUtcNow());
        Assert.Equal((2, 1), (sweep.Created, sweep.Displaced));
        Assert.Equal(CareTaskStatus.Withdrawn, db.Crm.Care.Get(routine9.Id).Status);
        var displaced = Assert.Single(db.Crm.Care.Suppressions("K9"));
        Assert.Equal((SuppressionReason.Displaced, "offer"), (displaced.Reason, displaced.Rule));
        Assert.Contains("displaced by urgent occasion 'arrears:2026-11'", displaced.Detail, StringComparison.Ordinal);
        // The attempted routine task stays; the urgent one goes over the cap.
        Assert.Equal(CareTaskStatus.Open, db.Crm.Care.Get(routine10.Id).Status);
        Assert.Equal(2, db.Crm.Care.For("K10").Count(t => t.Status == CareTaskStatus.Open));
        Assert.Equal(1, db.Crm.Care.SuppressionsByReason()[SuppressionReason.Displaced]);
    }

    [Fact]
    public void Merging_moves_attempts_and_owner_changes_and_erasing_drops_their_notes()
    {
        using var db = Open();
        db.Crm.Customers.Create(Person("M1"));
        db.Crm.Customers.Create(Person("M2"));
        var task = Task(db, "M2", "renewal", Channel.Phone);
        db.Crm.Care.Attempt(task.Id, AttemptOutcome.NoAnswer, "agent.a", new AttemptDetails { Note = "said to call Li Wei" });
        db.Crm.Queues.TransferTask(db.Crm.Queues.ClaimTask(task.Id, "bo").Id, "cy", "lead", "Li Wei prefers cy");

        db.Crm.Customers.Merge("M1", "M2", "desk", "same person");
        Assert.Equal(new CustomerCode("M1"), Assert.Single(db.Crm.Care.Attempts(task.Id)).Customer);
        Assert.Equal(2, db.Crm.Queues.OwnerHistory("M1").Count);

        db.Crm.PersonalData.Erase("M1", "dpo", "request");
        Assert.Null(Assert.Single(db.Crm.Care.Attempts(task.Id)).Note);
        Assert.All(db.Crm.Queues.OwnerHistory("M1"), h => Assert.Null(h.Note));
    }

    [Fact]
    public void A_displaced_occasion_comes_back_once_the_cap_has_room_and_never_twice()
    {
        var policy = ContactPolicy.Default with { MaxPerChannel = 1, Priority = new PriorityPolicy { Mode = CapPriorityMode.HigherPriorityDisplaces } };
        using var db = Open(o => o with { ContactPolicy = policy });
        db.Crm.Customers.Create(Person("K11"));
        var offer = new OneCall("offer", Channel.Phone, TaskPriority.Normal, "spring");
        var routine = Task(db, "K11", "offer", Channel.Phone, occasion: "spring");
        db.Crm.Care.Sweep([new OneCall("arrears", Channel.Phone, TaskPriority.Urgent, "2026-11")], db.Clock.GetUtcNow());
        var withdrawn = db.Crm.Care.Get(routine.Id);
        Assert.Equal((CareTaskStatus.Withdrawn, "frequency-cap"), (withdrawn.Status, withdrawn.ClosedBy));

        // The same day the cap is still full: the offer waits, it does not displace the urgent task.
        var sameDay = db.Crm.Care.Sweep([offer], db.Clock.GetUtcNow());
        Assert.Equal((0, 0, 1), (sameDay.Created, sameDay.AlreadyKnown, sameDay.Suppressed));

        // A week later there is room again: the displaced occasion is proposed once more, as a new task.
        db.Clock.Advance(policy.CapWindow + TimeSpan.FromDays(1));
        var later = db.Crm.Care.Sweep([offer], db.Clock.GetUtcNow());
        Assert.Equal(1, later.Created);
        var back = db.Crm.Care.For("K11").Single(t => t.Rule == "offer" && t.Status == CareTaskStatus.Open);
        Assert.NotEqual(routine.Id, back.Id);
        Assert.Equal(routine.OccasionKey, back.OccasionKey);
        Assert.Equal(CareTaskStatus.Withdrawn, db.Crm.Care.Get(routine.Id).Status);
        Assert.Equal((0, 1), (db.Crm.Care.Sweep([offer], db.Clock.GetUtcNow()).Created, db.Crm.Care.Sweep([offer], db.Clock.GetUtcNow()).AlreadyKnown));
        Assert.Equal(2, db.Crm.Care.For("K11").Count(t => t.Rule == "offer"));
    }

    [Fact]
    public void Contact_success_counts_the_stored_attempts_on_the_channel_actually_used()
    {
        using var db = Open();
        db.Crm.Customers.Create(Person("R1"));
        var start = db.Clock.GetUtcNow();
        var task = Task(db, "R1", "renewal", Channel.Phone);
        db.Crm.Care.Attempt(task.Id, AttemptOutcome.NoAnswer, "agent.a");
        db.Clock.Advance(TimeSpan.FromHours(4));
        db.Crm.Care.Attempt(task.Id, AttemptOutcome.Reached, "agent.a", new AttemptDetails { Channel = Channel.Messaging });
        db.Crm.Care.Complete(task.Id, "renewed", "agent.a");
        var end = db.Clock.GetUtcNow().AddMinutes(1);

        Assert.Equal(0.5, db.Crm.Rates.ContactSuccess(start, end, RateCut.All)["all"].Value);
        var byChannel = db.Crm.Rates.ContactSuccess(start, end, RateCut.ByChannel);
        Assert.Equal(((double?)0.0, (double?)1.0), (byChannel["phone"].Value, byChannel["messaging"].Value));
    }

    [Fact]
    public void The_routing_and_the_retry_and_priority_settings_are_stored_with_the_configuration()
    {
        var routing = new RoutingPolicy
        {
            Teams = [Desk],
            Rules = [new AssignmentRule("by-region", AssignmentScope.Customers | AssignmentScope.Cases)
            {
                Key = AssignmentKey.Attribute, Attribute = "region", Teams = new Dictionary<string, string> { ["north"] = "desk" }, Pick = AssignmentPick.LeastLoaded,
            }],
        };
        var policy = ContactPolicy.Default with
        {
            Priority = new PriorityPolicy { Mode = CapPriorityMode.HigherPriorityDisplaces },
            Retry = new RetryPolicy { MaxAttempts = 5, Intervals = [TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)] },
        };
        using var db = Open(o => o with { Routing = routing, ContactPolicy = policy });
        var stored = ConfigurationDocument.Read(Assert.IsType<string>(StoredConfiguration(db)), "test");
        Assert.Equal(routing, stored.Routing);
        Assert.Equal(policy, stored.ContactPolicy);
        db.Reopen();
        Assert.Equal(routing, db.Crm.Options.Routing);
    }

    private static string? StoredConfiguration(TestDatabase db) =>
        db.Crm.Store.ReadAsync((s, ct) => s.Configuration.ReadAsync(ct), default).AsTask().GetAwaiter().GetResult();

    /// <summary>Proposes one action now for every customer.</summary>
    private sealed class OneCall(string name, Channel channel, TaskPriority priority, string occasion) : ICareRule
    {
        public string Name => name;

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) => [new CareAction(occasion, now, channel, priority)];
    }
}
