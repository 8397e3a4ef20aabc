namespace CrmKit.Tests.Storage.Contract;

/// <summary>Sync imports through the public API on every store: repeated feeds from several systems update rather than duplicate.</summary>
public abstract class SyncContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static readonly AttributeSchema Bank = AttributeSchema.Empty
        .Define("id-number", AttributeType.Text)
        .Define("segment", AttributeType.Text)
        .Define("balance", AttributeType.Decimal);

    private TestDatabase OpenBank() => Open(o => o with { Attributes = Bank });

    private static SourceRecord Card(string id, string name, string? phone = null, string? idNumber = null, string? segment = null, decimal? balance = null) =>
        new(id, new Customer(default, name)
        {
            ContactPoints = phone is null ? [] : [ContactPoint.Phone(phone)],
            Attributes = Attributes(idNumber, segment, balance),
        });

    private static Dictionary<string, AttributeValue> Attributes(string? idNumber, string? segment, decimal? balance)
    {
        var attributes = new Dictionary<string, AttributeValue>();
        if (idNumber is not null) attributes["id-number"] = AttributeValue.Text(idNumber);
        if (segment is not null) attributes["segment"] = AttributeValue.Text(segment);
        if (balance is not null) attributes["balance"] = AttributeValue.Decimal(balance.Value);
        return attributes;
    }

    private static readonly SyncOptions Cards = new() { System = "cards", Key = SyncKey.SourceId, IdentityAttributes = ["id-number"] };
    private static readonly SyncOptions Core = new() { System = "core", Key = SyncKey.SourceId, IdentityAttributes = ["id-number"] };

    [Fact]
    public void A_feed_run_again_updates_what_changed_and_creates_nothing_twice()
    {
        using var db = OpenBank();
        var first = db.Crm.Customers.Sync([Card("7781", "Zhang Wei", "+86 138 0000 0001", balance: 10m), Card("7782", "Layla Haddad")], Cards);
        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal(["cards-7781", "cards-7782"], first.Records.Select(r => r.Customer.Value));
        db.Clock.Advance(TimeSpan.FromDays(1));
        db.Reopen();

        var second = db.Crm.Customers.Sync([Card("7781", "Zhang Wei", "+86 138 0000 0001", balance: 12.50m), Card("7782", "Layla Haddad"), Card("7790", "José Núñez")], Cards);

        Assert.Equal([SyncAction.Updated, SyncAction.Unchanged, SyncAction.Created], second.Records.Select(r => r.Action));
        Assert.Equal(3, db.Crm.Customers.Count());
        var zhang = db.Crm.Customers.Get("cards-7781");
        Assert.Equal((12.50m, 2), (zhang.Attributes["balance"].AsDecimal(), zhang.Version));
        Assert.Equal(1, db.Crm.Customers.Get("cards-7782").Version);
        Assert.Equal(new CustomerCode("cards-7790"), db.Crm.Identity.Find("cards", "7790"));
        Assert.Equal("cards", db.Crm.Identity.ValueSources("cards-7781").Single(v => v.Field == "attributes.balance").System);
        Assert.Empty(db.Crm.Identity.Matches());
    }

    [Fact]
    public void A_second_system_s_record_of_the_same_person_goes_to_review_and_merging_it_keeps_its_identifier()
    {
        using var db = OpenBank();
        db.Crm.Customers.Sync([Card("C-1", "Zhang Wei", "+86 138 0000 0001", "110101198002290011", "retail")], Core);
        var cards = db.Crm.Customers.Sync([Card("7781", "ZHANG Wei", "13800000001", "110101 19800229 0011", "gold")], Cards);

        var match = Assert.Single(cards.Matches);
        Assert.Equal(("cards-7781", "core-C-1"), (match.First.Value, match.Second.Value));
        Assert.Equal(["same id-number", "same phone", "similar name"], match.Reasons);
        Assert.Equal("import cards", match.FoundBy);
        Assert.Equal(match, Assert.Single(db.Crm.Identity.Matches()));

        var merge = db.Crm.Customers.Merge("core-C-1", "cards-7781", "reviewer", string.Join(", ", match.Reasons));
        db.Clock.Advance(TimeSpan.FromDays(1));
        var again = db.Crm.Customers.Sync([Card("7781", "ZHANG Wei", "13800000001", "110101 19800229 0011", "platinum")], Cards);

        Assert.Empty(db.Crm.Identity.Matches());
        Assert.Equal(1, merge.IdentitiesMoved);
        Assert.Equal(new SyncedRecord(0, "core-C-1", SyncAction.Unchanged), again.Records.Single());
        Assert.Equal(1, db.Crm.Customers.Count());
        var survivor = db.Crm.Customers.Get("core-C-1");
        Assert.Equal(("Zhang Wei", "retail"), (survivor.Name, survivor.Attributes["segment"].AsText()));
        // The core system gave the segment: the card system's other values are kept aside, each once, with where they came from.
        var kept = db.Crm.Identity.Kept("core-C-1").Where(k => k.Field == "attributes.segment").ToArray();
        Assert.Equal(["gold cards cards-7781", "platinum cards "], kept.Select(k => $"{k.Value} {k.System} {k.MergedFrom}"));
        Assert.Equal(1, again.Kept);
        Assert.Equal(0, db.Crm.Customers.Sync([Card("7781", "ZHANG Wei", "13800000001", "110101 19800229 0011", "platinum")], Cards).Kept);
        Assert.Equal(["ZHANG Wei"], db.Crm.Identity.Names("core-C-1"));
    }

    [Fact]
    public void Where_configured_a_match_on_the_identity_number_merges_at_once()
    {
        using var db = OpenBank();
        db.Crm.Customers.Sync([Card("C-1", "Zhang Wei", idNumber: "110101198002290011"), Card("C-2", "Li Na", "+86 139 0000 0002")], Core);
        var options = Cards with { MergeOn = ["id-number"] };

        var result = db.Crm.Customers.Sync([Card("7781", "Zhang W.", idNumber: "110101198002290011"), Card("7782", "Li Na", "13900000002")], options);

        Assert.Equal([SyncAction.Merged, SyncAction.Created], result.Records.Select(r => r.Action));
        Assert.Equal("core-C-1", result.Records[0].Customer.Value);
        var merge = Assert.Single(result.Merges);
        Assert.Equal(("core-C-1", "cards-7781", "import"), (merge.Survivor.Value, merge.Merged.Value, merge.Actor));
        Assert.Contains("same id-number", merge.Reason);
        Assert.Equal(new CustomerCode("core-C-1"), db.Crm.Identity.Find("cards", "7781"));
        Assert.Equal(["cards-7782~core-C-2"], db.Crm.Identity.Matches().Select(m => $"{m.First}~{m.Second}"));
        Assert.Equal(3, db.Crm.Customers.Count());

        var again = db.Crm.Customers.Sync([Card("7781", "Zhang W.", idNumber: "110101198002290011"), Card("7782", "Li Na", "13900000002")], options);
        Assert.Equal([SyncAction.Unchanged, SyncAction.Unchanged], again.Records.Select(r => r.Action));
        Assert.Equal(3, db.Crm.Customers.Count());
    }

    [Fact]
    public void The_stage_is_imported_with_the_reason_imported_and_grade_changes_are_recorded()
    {
        using var db = OpenBank();
        var options = new SyncOptions { System = "crm" };
        db.Crm.Customers.Sync([new SourceRecord(new Customer("T-1", "Wang Fang") { Grade = "B" }) { Stage = "new" }], options);
        db.Clock.Advance(TimeSpan.FromDays(30));
        db.Crm.Customers.Sync([new SourceRecord(new Customer("T-1", "Wang Fang") { Grade = "A", Owner = "agent.zhou" }) { Stage = "growing" }], options);

        var history = db.Crm.Lifecycle.History("T-1");
        Assert.Equal(["-> new imported", "new -> growing imported"], history.Select(h => $"{h.From} -> {h.To} {h.Reason}".TrimStart()));
        Assert.All(history, h => Assert.Equal("import", h.Actor));
        Assert.Equal(["B imported", "A imported from crm"], db.Crm.Grades.History("T-1").Select(g => $"{g.To} {g.Reason}"));
        var customer = db.Crm.Customers.Get("T-1");
        Assert.Equal(("A", "agent.zhou", new StageId("growing")), (customer.Grade, customer.Owner, customer.Stage));
    }

    [Fact]
    public void A_feed_with_one_bad_record_writes_nothing()
    {
        using var db = OpenBank();
        db.Crm.Customers.Sync([new SourceRecord(new Customer("T-1", "Wang Fang")) { Stage = "new" }], new SyncOptions());
        var before = StoreState.Capture(db.Crm);

        var error = Assert.Throws<CrmValidationException>(() => db.Crm.Customers.Sync(
        [
            new SourceRecord(new Customer("T-2", "Chen Jing")),
            new SourceRecord(new Customer("T-1", "Wang Fang")) { Stage = "churned" },
        ], new SyncOptions()));

        Assert.Equal("records[1].stage", error.Field);
        Assert.Contains("'new' -> 'churned'", error.Reason);
        Assert.Equal(before, StoreState.Capture(db.Crm));
        var created = Assert.Throws<CrmValidationException>(() => db.Crm.Customers.Sync([new SourceRecord(new Customer("T-1", "Again"))], new SyncOptions { Update = false }));
        Assert.Equal("records[0].code", created.Field);
        Assert.Equal(before, StoreState.Capture(db.Crm));
    }
}
