namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Care sweeps on the PostgreSQL store: the dedup key is a unique constraint, so hosts sweeping together create each task once.</summary>
public sealed class CareStoreTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    private static readonly Channel Sms = new("sms");

    private void SeedBirthdays(string prefix, int count)
    {
        var consent = new Dictionary<Channel, Consent> { [Sms] = new Consent(true, db.Clock.GetUtcNow().AddYears(-1)) };
        db.Crm.Customers.CreateMany(Enumerable.Range(0, count).Select(i =>
            new Customer($"{prefix}-{i:000}", $"birthday {i}") { Birthday = new DateOnly(1980 + i % 30, 11, 28), Consents = consent }));
    }

    [Fact]
    public async Task Two_hosts_sweeping_the_same_instant_at_once_create_every_task_exactly_once()
    {
        SeedBirthdays("TWO", 60);
        var rules = new[] { CareRules.Birthday(3, Sms) };
        var at = db.Clock.GetUtcNow();
        var hosts = new[] { db.Open(), db.Open() };
        using var start = new Barrier(hosts.Length);

        var results = await Task.WhenAll(hosts.Select(host => Task.Run(() =>
        {
            start.SignalAndWait();
            return host.Care.Sweep(rules, at);
        })));

        var tasks = await db.ColumnAsync<string>("SELECT customer_code FROM care_tasks WHERE customer_code LIKE 'TWO-%'");
        Assert.Equal(60, tasks.Count);
        Assert.Equal(60, tasks.Distinct().Count());
        Assert.Equal(60, results.Sum(r => r.Created));
        // Both saw the same proposals (the class's other customers too): what one created, the other found.
        Assert.Equal(results[0].Created + results[0].AlreadyKnown, results[1].Created + results[1].AlreadyKnown);
        Assert.All(results, r => Assert.Empty(r.Failures));
    }

    [Fact]
    public void A_second_sweep_creates_nothing_and_tasks_read_back_as_created()
    {
        SeedBirthdays("AGAIN", 5);
        var rules = new[] { CareRules.Birthday(3, Sms) };

        var first = db.Crm.Care.Sweep(rules);
        var second = db.Open().Care.Sweep(rules);

        Assert.True(first.Created >= 5);
        Assert.Equal(0, second.Created);
        var task = db.Open().Care.For("AGAIN-000").Single();
        Assert.Equal((CareTaskStatus.Open, "birthday", Sms), (task.Status, task.Rule, task.Channel));
        Assert.Equal(task, db.Crm.Care.Get(task.Id));
    }

    [Fact]
    public void A_changed_only_sweep_sees_the_customers_changed_since_the_last_one()
    {
        SeedBirthdays("INC", 3);
        var rules = new[] { CareRules.Birthday(3, Sms) };
        db.Crm.Care.Sweep(rules);

        var unchanged = db.Crm.Care.Sweep(rules, changedOnly: true);
        db.Crm.Customers.Update(db.Crm.Customers.Get("INC-001") with { Name = "renamed" });
        var changed = db.Crm.Care.Sweep(rules, changedOnly: true);

        Assert.Equal(0, unchanged.Evaluated);
        Assert.Equal(1, changed.Evaluated);
    }

    [Fact]
    public async Task A_merge_keeps_the_merged_customers_duplicate_task_marked_and_withdrawn()
    {
        SeedBirthdays("MRG", 2);
        db.Crm.Care.Sweep([CareRules.Birthday(3, Sms)]);
        var occasion = db.Crm.Care.For("MRG-000").Single().OccasionKey;
        Assert.Equal(occasion, db.Crm.Care.For("MRG-001").Single().OccasionKey);

        db.Crm.Customers.Merge("MRG-000", "MRG-001", "tester", "same person");

        var tasks = db.Open().Care.For("MRG-000");
        Assert.Equal(2, tasks.Count);
        Assert.Single(tasks, t => t.Status == CareTaskStatus.Withdrawn);
        Assert.Equal(["", "MRG-001"], (await db.ColumnAsync<string>("SELECT merged_from FROM care_tasks WHERE customer_code = 'MRG-000' ORDER BY merged_from")));
    }
}
