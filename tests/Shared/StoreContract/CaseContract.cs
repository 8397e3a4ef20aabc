using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>
/// Service cases through the database on the store under test: the lifecycle is stored whole, a
/// stale change is refused, escalation happens once per deadline, resolving proposes its
/// satisfaction check through the contact policy, and merge and erase carry cases along.
/// </summary>
public abstract class CaseContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static readonly CaseDeadlinePolicy Policy = new(
        BusinessCalendar.AlwaysOpen(TimeZoneInfo.Utc),
        [new CaseDeadlineRule(null, null, null, TimeSpan.FromHours(1), TimeSpan.FromHours(8))
        {
            FirstResponseEscalation = new EscalationTarget("supervisor", "lead.wu"),
            ResolutionEscalation = new EscalationTarget("manager"),
        }]);

    private TestDatabase OpenWithCases() => Open(o => o with { CasePolicy = Policy, CaseFollowUpDelay = TimeSpan.FromDays(1) });

    private static void Customer(TestDatabase db, string code) =>
        db.Crm.Customers.Create(new Customer(code, "Name " + code) { Consents = new Dictionary<Channel, Consent> { [Channel.Phone] = new(true, db.Clock.GetUtcNow()) } });

    [Fact]
    public void A_case_is_stored_whole_through_its_lifecycle_and_resolving_proposes_its_satisfaction_check()
    {
        using var db = OpenWithCases();
        Customer(db, "K1");
        var opened = db.Crm.Cases.Open("K1", "complaint", TaskPriority.High, "Invoice charged twice", Channel.Phone, "desk.li");
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        db.Crm.Cases.Assign(opened.Id, "agent.zhao", "desk.li");
        db.Crm.Cases.Start(opened.Id, "agent.zhao");
        db.Clock.Advance(TimeSpan.FromMinutes(20));
        db.Crm.Cases.Respond(opened.Id, "agent.zhao", "called back");
        db.Clock.Advance(TimeSpan.FromHours(2));
        var resolved = db.Crm.Cases.Resolve(opened.Id, "billing-error", "refund of the second charge", "agent.zhao");

        var stored = db.Crm.Cases.Get(opened.Id);
        Assert.Equal(resolved.Case, stored, CaseComparer.Instance);
        Assert.Equal(CaseStatus.Resolved, stored.Status);
        Assert.Equal(["Opened", "Assigned", "Started", "Responded", "Resolved"], stored.History.Select(h => h.Kind.ToString()));
        Assert.Equal(opened.OpenedAt.AddMinutes(25), stored.FirstResponseAt);
        var followUp = Assert.IsType<CareTask>(resolved.FollowUp);
        Assert.Equal(("case-satisfaction", Channel.Phone, "agent.zhao"), (followUp.Rule, followUp.Channel, followUp.Owner));
        Assert.Equal(followUp.Id, Assert.Single(db.Crm.Care.For("K1")).Id);
        Assert.Equal([opened.Id], db.Crm.Cases.List(new CaseQuery { Customer = "K1" }).Select(c => c.Id));
        Assert.Empty(db.Crm.Cases.List(new CaseQuery { ActiveOnly = true }));
    }

    [Fact]
    public void A_change_based_on_a_stale_case_is_refused_and_leaves_the_stored_case_as_it_was()
    {
        using var db = OpenWithCases();
        Customer(db, "K2");
        var opened = db.Crm.Cases.Open("K2", "inquiry", TaskPriority.Normal, "Opening hours", Channel.Phone, "desk");
        var stale = db.Crm.Cases.Get(opened.Id);
        db.Crm.Cases.Assign(opened.Id, "agent.a", "desk");
        var conflict = Assert.Throws<ConcurrencyConflictException>(() =>
            db.Crm.Store.WriteAsync(async (s, ct) =>
            {
                var record = CaseDocument.ToRecord(stale.Assign("agent.b", "desk", db.Clock.GetUtcNow()));
                await s.Cases.UpdateAsync(record, stale.History.Count, ct);
                return 0;
            }, default).AsTask().GetAwaiter().GetResult());
        Assert.Equal((1, 2), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal("agent.a", db.Crm.Cases.Get(opened.Id).Owner);
        Assert.Throws<CaseNotFoundException>(() => db.Crm.Cases.Get(opened.Id + 100));
    }

    [Fact]
    public void A_passed_deadline_escalates_once_and_a_later_run_escalates_nothing_more()
    {
        using var db = OpenWithCases();
        Customer(db, "K3");
        var opened = db.Crm.Cases.Open("K3", "complaint", TaskPriority.Urgent, "No signal at home", Channel.Phone, "desk");
        Assert.Empty(db.Crm.Cases.Escalate());
        db.Clock.Advance(TimeSpan.FromHours(2));
        var first = Assert.Single(db.Crm.Cases.Escalate());
        Assert.Equal(("supervisor", "lead.wu"), (first.Level, first.Owner));
        Assert.Empty(db.Crm.Cases.Escalate());
        db.Clock.Advance(TimeSpan.FromHours(7));
        var second = Assert.Single(db.Crm.Cases.Escalate());
        Assert.Equal(("manager", "lead.wu"), (second.Level, second.Owner));
        Assert.Empty(db.Crm.Cases.Escalate());
        Assert.Equal(2, db.Crm.Cases.Get(opened.Id).Escalations.Count);
    }

    [Fact]
    public void Merging_moves_cases_to_the_survivor_and_erasing_removes_their_personal_text()
    {
        using var db = OpenWithCases();
        Customer(db, "K4");
        Customer(db, "K5");
        var opened = db.Crm.Cases.Open("K5", "complaint", TaskPriority.Normal, "Wang Fang at 12 Elm Road was overcharged", Channel.Phone, "desk");
        db.Crm.Cases.Assign(opened.Id, "agent.a", "desk", note: "customer Wang Fang called twice");
        db.Crm.Customers.Merge("K4", "K5", "desk", "same person");
        Assert.Equal("K4", db.Crm.Cases.Get(opened.Id).Customer.Value);
        Assert.Equal([opened.Id], db.Crm.Cases.List(new CaseQuery { Customer = "K5" }).Select(c => c.Id));

        db.Crm.PersonalData.Erase("K4", "desk", "customer asked");
        var erased = db.Crm.Cases.Get(opened.Id);
        Assert.Equal("(erased)", erased.Subject);
        Assert.All(erased.History, h => Assert.Null(h.Note));
        Assert.Equal(("agent.a", 2), (erased.Owner, erased.History.Count));
    }

    /// <summary>Cases compare by value, their lists by content.</summary>
    private sealed class CaseComparer : IEqualityComparer<ServiceCase>
    {
        internal static readonly CaseComparer Instance = new();

        public bool Equals(ServiceCase? x, ServiceCase? y) =>
            x is not null && y is not null && CaseDocument.Write(x) == CaseDocument.Write(y) && x.Id == y.Id;

        public int GetHashCode(ServiceCase obj) => obj.Id.GetHashCode();
    }
}
