namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Customers on the PostgreSQL store behave as on the embedded one.</summary>
public sealed class CustomerStoreTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    private static Customer Full(string code) => new(code, "Zoë 李 O'Brien")
    {
        Tags = ["vip", "north"],
        ContactPoints = [ContactPoint.Phone("+86 138 0000 0000"), ContactPoint.Email("zoe@example.com")],
        Owner = "mei",
        Birthday = new DateOnly(1990, 2, 28),
        TimeZone = "Asia/Shanghai",
        Group = new CustomerGroup(CustomerGroupKind.Household, "H-1"),
        Attributes = new Dictionary<string, AttributeValue>
        {
            ["city"] = AttributeValue.Text("Hangzhou"),
            ["visits"] = AttributeValue.Integer(12),
        },
        Consents = new Dictionary<Channel, Consent> { [new Channel("sms")] = new Consent(true, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8))) },
    };

    [Fact]
    public void A_created_customer_reads_back_with_every_field_and_offset()
    {
        var created = db.Crm.Customers.Create(Full("CUS-1"));

        var read = db.Open().Customers.Get("CUS-1");

        Assert.Equal(created.Name, read.Name);
        Assert.Equal(created.Tags, read.Tags);
        Assert.Equal(created.ContactPoints, read.ContactPoints);
        Assert.Equal(created.Consents, read.Consents);
        Assert.Equal(created.Attributes, read.Attributes);
        Assert.Equal((created.Owner, created.Birthday, created.TimeZone, created.Group), (read.Owner, read.Birthday, read.TimeZone, read.Group));
        Assert.Equal((created.Stage, created.Version), (read.Stage, read.Version));
        Assert.True(created.CreatedAt.EqualsExact(read.CreatedAt) && created.StageSince.EqualsExact(read.StageSince));
    }

    [Fact]
    public void Creating_a_code_twice_fails_as_a_duplicate()
    {
        db.Crm.Customers.Create(new Customer("DUP-1", "first"));

        Assert.Throws<DuplicateCustomerException>(() => db.Open().Customers.Create(new Customer("DUP-1", "second")));
        Assert.Equal("first", db.Crm.Customers.Get("DUP-1").Name);
    }

    [Fact]
    public void A_stale_update_from_another_instance_fails_as_a_concurrency_conflict()
    {
        db.Crm.Customers.Create(new Customer("STALE-1", "original"));
        var other = db.Open();
        var mine = db.Crm.Customers.Get("STALE-1");
        var theirs = other.Customers.Get("STALE-1");

        other.Customers.Update(theirs with { Name = "theirs" });
        var e = Assert.Throws<ConcurrencyConflictException>(() => db.Crm.Customers.Update(mine with { Name = "mine" }));

        Assert.Equal("theirs", db.Crm.Customers.Get("STALE-1").Name);
        Assert.Contains("STALE-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_by_tag_and_owner_page_in_code_order()
    {
        for (var i = 0; i < 7; i++)
            db.Crm.Customers.Create(new Customer($"Q-{i}", $"q {i}") { Tags = i % 2 == 0 ? ["even-q"] : [], Owner = i < 3 ? "owner-q" : null });
        var other = db.Open();

        Assert.Equal(3, other.Customers.OwnedBy("owner-q", PageRequest.First).Items.Count);
        var first = other.Customers.WithTag("even-q", new PageRequest(0, 3));
        var second = other.Customers.WithTag("even-q", new PageRequest(3, 3));
        Assert.Equal(["Q-0", "Q-2", "Q-4"], first.Items.Select(c => c.Code.Value));
        Assert.True(first.HasMore);
        Assert.Equal(["Q-6"], second.Items.Select(c => c.Code.Value));
        Assert.False(second.HasMore);
    }

    [Fact]
    public void A_merge_moves_interactions_and_resolves_the_merged_code()
    {
        db.Crm.Customers.Create(new Customer("M-SURV", "survivor"));
        db.Crm.Customers.Create(new Customer("M-GONE", "merged"));
        db.Crm.Interactions.Record(new Interaction("M-GONE", "purchase", "web", db.Clock.GetUtcNow().AddDays(-3)) { Amount = 10m });
        db.Crm.Interactions.Record(new Interaction("M-SURV", "purchase", "web", db.Clock.GetUtcNow().AddDays(-2)) { Amount = 5m });

        db.Crm.Customers.Merge("M-SURV", "M-GONE", "tester", "same person");

        var other = db.Open();
        Assert.Null(other.Customers.Find("M-GONE") is { } found && found.Code.Value == "M-GONE" ? found : null);
        Assert.Equal(15m, other.Interactions.Stats("M-GONE").MonetaryTotal);
        Assert.Equal(2, other.Interactions.For("M-SURV", PageRequest.First).Items.Count);
    }
}
