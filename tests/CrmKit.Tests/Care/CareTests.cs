namespace CrmKit.Tests.Care;

public class CareTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static Customer Person(string code, string zone = "Europe/Paris") => new(code, "Li Wei")
    {
        TimeZone = zone,
        Birthday = new DateOnly(1980, 11, 27),
        Owner = "Ana",
    };

    [Fact]
    public void Birthday_task_is_due_at_ten_local_time_and_a_rerun_creates_nothing()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(Person("C0", "Asia/Shanghai"));
        var first = db.Crm.Care.Sweep([CareRules.Birthday()], Now);
        var second = db.Crm.Care.Sweep([CareRules.Birthday()], Now);
        Assert.Equal((1, 0), (first.Created, first.AlreadyKnown));
        Assert.Equal((0, 1), (second.Created, second.AlreadyKnown));
        var task = Assert.Single(db.Crm.Care.For("C0"));
        Assert.Equal("birthday:2026", task.OccasionKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8)), task.Due);
        Assert.Equal(Channel.Sms, task.Channel);
        Assert.Equal("Ana", task.Owner);
    }

    [Fact]
    public void An_opt_out_suppresses_the_channel_and_the_reason_is_queryable()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(Person("C0") with { Consents = new Dictionary<Channel, Consent> { [Channel.Phone] = new(false, Now.AddDays(-9)) } });
        var result = db.Crm.Care.Sweep([CareRules.Birthday(3, Channel.Phone, Channel.Sms)], Now);
        Assert.Equal((1, 1), (result.Created, result.Suppressed));
        var why = Assert.Single(db.Crm.Care.Suppressions("C0", "birthday"));
        Assert.Equal(SuppressionReason.OptedOut, why.Reason);
        Assert.Equal(Channel.Phone, why.Channel);
        Assert.Contains("opted out of phone", why.Detail);
    }

    [Fact]
    public void Completing_one_channel_records_a_care_contact_and_withdraws_the_others()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(Person("C0"));
        db.Crm.Care.Sweep([CareRules.Birthday(3, Channel.Phone, Channel.Sms)], Now);
        var tasks = db.Crm.Care.For("C0");
        Assert.Equal(2, tasks.Count);
        var done = db.Crm.Care.Complete(tasks[0].Id, "sang happy birthday", "ana");
        Assert.Equal(CareTaskStatus.Done, done.Status);
        var other = db.Crm.Care.Get(tasks[1].Id);
        Assert.Equal(CareTaskStatus.Withdrawn, other.Status);
        var contact = Assert.Single(db.Crm.Interactions.For("C0", PageRequest.First).Items);
        Assert.Equal((InteractionKind.CareContact, tasks[0].Channel, "done"), (contact.Kind, contact.Channel, contact.Outcome));
        Assert.Equal(SuppressionReason.ClosedLoop, Assert.Single(db.Crm.Care.Suppressions("C0")).Reason);
        Assert.Throws<CrmValidationException>(() => db.Crm.Care.Decline(tasks[0].Id, "again", "ana"));
        Assert.Equal(0, db.Crm.Care.Sweep([CareRules.Birthday(3, Channel.Phone, Channel.Sms)], Now).Created);
    }

    [Fact]
    public void Quiet_hours_move_a_task_to_the_next_allowed_local_moment()
    {
        using var db = TestDatabase.InMemory(o => o with { ContactPolicy = ContactPolicy.Default with { QuietStart = new(20, 0), QuietEnd = new(11, 0) } });
        db.Crm.Customers.Create(Person("C0", "America/New_York"));
        db.Crm.Care.Sweep([CareRules.Birthday()], Now);
        var task = Assert.Single(db.Crm.Care.For("C0"));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 11, 0, 0, TimeSpan.FromHours(-5)), task.Due);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(-5)), task.ProposedDue);
    }

    [Fact]
    public void The_frequency_cap_holds_back_a_third_task_on_a_channel_within_the_window()
    {
        using var db = TestDatabase.InMemory(o => o with { ContactPolicy = ContactPolicy.Default with { MaxPerChannel = 1 } });
        db.Crm.Customers.Create(Person("C0") with { Tags = ["key-account"] });
        var rules = new[] { CareRules.Birthday(3, Channel.Phone), CareRules.KeyAccountHoliday([new Holiday("thanksgiving", 11, 28)], channels: Channel.Phone) };
        var result = db.Crm.Care.Sweep(rules, Now);
        Assert.Equal((1, 1), (result.Created, result.Suppressed));
        Assert.Equal(SuppressionReason.FrequencyCap, Assert.Single(db.Crm.Care.Suppressions("C0")).Reason);
    }

    [Fact]
    public void Service_due_dormant_prospect_and_churn_warning_fire_from_the_log()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(new Customer("P", "prospect"));
        db.Crm.Customers.Create(new Customer("R", "regular"));
        db.Crm.Customers.Create(new Customer("S", "serviced"));
        var at = Now.AddDays(100);
        for (var i = 0; i < 4; i++)
            db.Crm.Interactions.Record(new Interaction("R", InteractionKind.Purchase, Channel.Store, at.AddDays(-300 + 30 * i)) { Amount = 50m });
        db.Crm.Interactions.Record(new Interaction("S", InteractionKind.ServiceVisit, Channel.Store, at.AddDays(-178)));
        db.Crm.Interactions.Record(new Interaction("S", InteractionKind.Inquiry, Channel.Store, at.AddDays(-1)));
        db.Clock.SetUtcNow(at);
        var rules = new[] { CareRules.DormantProspect(), CareRules.ChurnWarning(), CareRules.DueAfter("service-due", InteractionKind.ServiceVisit, TimeSpan.FromDays(180), TimeSpan.FromDays(7)) };
        db.Crm.Care.Sweep(rules, at);
        Assert.Equal(["dormant-prospect"], db.Crm.Care.For("P").Select(t => t.Rule));
        // R bought four times: whatever the stage says, a buyer is not called as a dormant prospect.
        Assert.Equal(["churn-warning"], db.Crm.Care.For("R").Select(t => t.Rule).Order());
        Assert.Equal(TaskPriority.High, db.Crm.Care.For("R").Single(t => t.Rule == "churn-warning").Priority);
        Assert.Contains(db.Crm.Care.For("S"), t => t.OccasionKey == "service-due:" + DateOnly.FromDateTime(at.AddDays(2).UtcDateTime).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public void Open_tasks_expire_after_the_policy_window()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(Person("C0"));
        db.Crm.Care.Sweep([CareRules.Birthday()], Now);
        var later = db.Crm.Care.Sweep([CareRules.Birthday()], Now.AddDays(20));
        Assert.Equal(1, later.Expired);
        Assert.Equal(CareTaskStatus.Expired, Assert.Single(db.Crm.Care.For("C0")).Status);
    }

    [Fact]
    public void A_failing_rule_fails_alone()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(Person("C0"));
        var result = db.Crm.Care.Sweep([new Throwing(), CareRules.Birthday()], Now);
        Assert.Equal(1, result.Created);
        Assert.Contains("rule 'broken' failed for customer 'C0'", Assert.Single(result.Failures).ToString());
    }

    [Fact]
    public void A_changed_only_sweep_evaluates_only_customers_changed_since_the_last_sweep()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(Person("C0"));
        db.Crm.Customers.Create(Person("C1"));
        db.Crm.Care.Sweep([CareRules.Birthday()], Now);
        db.Crm.Interactions.Record(new Interaction("C1", InteractionKind.Inquiry, Channel.Web, Now));
        Assert.Equal(1, db.Crm.Care.Sweep([CareRules.Birthday()], Now, changedOnly: true).Evaluated);
    }

    [Fact]
    public void Export_lists_tasks_and_segments_and_erase_scrubs_task_text()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(Person("C0") with { Name = "Layla Haddad" });
        db.Crm.Segments.Define(new SegmentDefinition("everyone", "all", new SegmentFilter()));
        db.Crm.Segments.Refresh("everyone");
        db.Crm.Care.Sweep([new Noting()], Now);
        var task = Assert.Single(db.Crm.Care.For("C0"));
        db.Crm.Care.Complete(task.Id, "Layla says thanks", "ana");
        var export = db.Crm.PersonalData.Export("C0");
        Assert.Contains("\"everyone\"", export);
        Assert.Contains("call Layla Haddad", export);

        db.Crm.PersonalData.Erase("C0", "privacy-officer", "request 7");
        Assert.DoesNotContain("Layla", db.Crm.PersonalData.Export("C0"));
        Assert.Null(db.Crm.Care.Get(task.Id).Note);
    }

    [Fact]
    public void Merging_moves_tasks_to_the_survivor_and_closes_the_loop_across_both()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(Person("C0"));
        db.Crm.Customers.Create(Person("C1"));
        db.Crm.Care.Sweep([CareRules.Birthday(3, Channel.Sms, Channel.Email)], Now);
        db.Crm.Care.Complete(db.Crm.Care.For("C1").First(t => t.Channel == Channel.Email).Id, "sent", "ana");
        db.Crm.Customers.Merge("C0", "C1", "ana", "same person");

        var tasks = db.Crm.Care.For("C0");
        Assert.Equal(4, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("C0", t.Customer.Value));
        Assert.Equal(1, tasks.Count(t => t.Status == CareTaskStatus.Done));
        Assert.Equal(0, tasks.Count(t => t.Status == CareTaskStatus.Open));
        Assert.Equal(3, tasks.Count(t => t.Status == CareTaskStatus.Withdrawn));
        Assert.Contains(db.Crm.Care.Suppressions("C0"), s => s.Reason == SuppressionReason.ClosedLoop && s.Detail.Contains("at merge"));
        Assert.Equal(0, db.Crm.Care.Sweep([CareRules.Birthday(3, Channel.Sms, Channel.Email)], Now).Created);
    }

    private sealed class Noting : ICareRule
    {
        public string Name => "noting";

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) =>
            [new CareAction("once", now.AddHours(3), Channel.Email) { Note = "call " + customer.Customer.Name }];
    }

    private sealed class Throwing : ICareRule
    {
        public string Name => "broken";

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) => throw new InvalidOperationException("boom");
    }
}
