using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Tests.Docs;

/// <summary>
/// The code shown in docs/concepts.md, run as a test. <see cref="DocsSnippetTests"/> checks that
/// every C# block of that page appears here, so the page's code always compiles and works.
/// </summary>
public class ConceptsSnippets
{
    [Fact]
    public void The_concepts_page_walkthrough_runs()
    {
        var timeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        // snippet: open
        var options = new CrmOptions
        {
            FilePath = null, // null: a private in-memory database; a path: one LiteDB file
            TimeProvider = timeProvider,
            Attributes = AttributeSchema.Empty
                .Define("age", AttributeType.Integer)
                .Define("model-of-interest", AttributeType.Text)
                .Define("hobbies", AttributeType.TextList),
        };
        using var crm = CrmDatabase.Open(options);
        // end

        // snippet: customer
        var created = crm.Customers.Create(new Customer("D-1001", "王芳")
        {
            Tags = ["family", "premium"],
            Owner = "sales.li",
            ContactPoints = [ContactPoint.Phone("+86 138 0000 1001")],
            Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(Granted: false, At: timeProvider.GetUtcNow()) },
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["age"] = AttributeValue.Integer(38),
                ["hobbies"] = AttributeValue.TextList(["hiking", "🎣"]),
            },
            TimeZone = "Asia/Shanghai",
        });

        var renamed = crm.Customers.Update(created with { Name = "王芳 (Wang Fang)" }); // version 1 -> 2
        // crm.Customers.Update(created with { Owner = "sales.chen" }) would now throw
        // ConcurrencyConflictException: `created` is version 1, the stored customer is version 2.
        // end

        // snippet: interactions
        var showroom = new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.FromHours(8));
        crm.Interactions.RecordBatch(
        [
            new Interaction("D-1001", InteractionKind.TestDrive, Channel.Store, showroom) { Staff = "sales.li" },
            new Interaction("D-1001", InteractionKind.Purchase, Channel.Store, showroom.AddDays(14)) { Amount = 32_900m },
            new Interaction("D-1001", InteractionKind.Refund, Channel.Store, showroom.AddDays(20)) { Amount = -400m },
        ]);

        CustomerStats stats = crm.Interactions.Stats("D-1001");
        // stats.PurchaseCount == 1, stats.MonetaryTotal == 32_500m, stats.LastContactAt == showroom.AddDays(20)
        // end

        // snippet: lifecycle
        crm.Lifecycle.Change("D-1001", "new", reason: "car delivered", actor: "sales.li");
        IReadOnlyList<StageChange> history = crm.Lifecycle.History("D-1001");
        // history: (none) -> prospect "created", prospect -> new "car delivered"
        // end

        // snippet: queries
        Page<Customer> families = crm.Customers.WithTag("family", new PageRequest(Offset: 0, Size: 50));
        Page<Customer> anglers = crm.Customers.WithAttribute("hobbies", AttributeValue.Text("🎣"), PageRequest.First);
        Page<Customer> newOnes = crm.Customers.InStage("new", PageRequest.First);
        // end

        // snippet: merge
        crm.Customers.Create(new Customer("BANK-B-77", "Wang Fang") { Tags = ["mortgage"] });
        MergeRecord merge = crm.Customers.Merge(survivor: "D-1001", merged: "BANK-B-77", actor: "reviewer", reason: "same phone");
        Customer same = crm.Customers.Get("BANK-B-77"); // resolves to D-1001
        // end

        // snippet: privacy
        string json = crm.PersonalData.Export("D-1001");
        ErasureRecord erasure = crm.PersonalData.Erase("D-1001", actor: "privacy.officer", reason: "request #2026-118");
        crm.Checkpoint(); // moves the change out of the log file at once
        // end

        Assert.Equal(2, renamed.Version);
        Assert.Throws<ConcurrencyConflictException>(() => crm.Customers.Update(created with { Owner = "sales.chen" }));
        Assert.Equal(1, stats.PurchaseCount);
        Assert.Equal(32_500m, stats.MonetaryTotal);
        Assert.Equal(showroom.AddDays(20), stats.LastContactAt);
        Assert.Equal(["prospect", "new"], history.Select(h => h.To.Name));
        Assert.Single(families.Items);
        Assert.Single(anglers.Items);
        Assert.Single(newOnes.Items);
        Assert.Equal(new CustomerCode("D-1001"), same.Code);
        Assert.Contains("mortgage", same.Tags);
        Assert.Equal(0, merge.InteractionsMoved);
        Assert.Contains("王芳", json);
        Assert.Equal(3, erasure.InteractionsScrubbed);
        Assert.Equal(32_500m, crm.Interactions.Stats("D-1001").MonetaryTotal);
    }

    [Fact]
    public void The_concepts_page_identity_and_bulk_walkthrough_runs()
    {
        var options = new CrmOptions
        {
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 2, 0, 0, TimeSpan.FromHours(8))),
            Attributes = AttributeSchema.Empty.Define("id-number", AttributeType.Text).Define("segment", AttributeType.Text),
        };
        using var crm = CrmDatabase.Open(options);
        crm.Customers.Create(new Customer("D-2001", "Zhang Wei")
        {
            ContactPoints = [ContactPoint.Phone("+86 138 0000 0001")],
            Attributes = new Dictionary<string, AttributeValue> { ["id-number"] = AttributeValue.Text("110101198002290011") },
        });
        var folder = Path.Combine(Path.GetTempPath(), "crmkit-docs", Guid.NewGuid().ToString("N"));

        // snippet: sync
        var cards = new SyncOptions { System = "cards", Key = SyncKey.SourceId, IdentityAttributes = ["id-number"] };
        SourceRecord[] feed =
        [
            new SourceRecord("7781", new Customer(default, "ZHANG Wei") // no code: a new customer gets "cards-7781"
            {
                ContactPoints = [ContactPoint.Phone("13800000001")],
                Attributes = new Dictionary<string, AttributeValue>
                {
                    ["id-number"] = AttributeValue.Text("110101 19800229 0011"),
                    ["segment"] = AttributeValue.Text("gold"),
                },
            }) { Stage = "new" },
        ];
        SyncResult night1 = crm.Customers.Sync(feed, cards); // night1.Created == 1
        CustomerCode? linked = crm.Identity.Find("cards", "7781"); // cards-7781
        IReadOnlyList<DuplicateMatch> review = crm.Identity.Matches();
        // review[0]: cards-7781 ~ D-2001, same id-number, same phone, similar name (score 2.5)
        // end

        // snippet: review
        DuplicateMatch match = review[0];
        MergeRecord merged = crm.Customers.Merge(survivor: "D-2001", merged: "cards-7781", actor: "reviewer", reason: string.Join(", ", match.Reasons));
        IReadOnlyList<string> alsoKnownAs = crm.Identity.Names("D-2001"); // ["ZHANG Wei"]
        IReadOnlyList<KeptValue> kept = crm.Identity.Kept("D-2001"); // the card record's id-number as written there, from cards
        SyncResult night2 = crm.Customers.Sync(feed, cards); // "7781" now finds D-2001, which moves to "new": nothing created
        // end

        try
        {
            // snippet: bulk
            TransferSummary exported = crm.Bulk.Export(folder, ExportFormat.JsonLines); // customers.jsonl, interactions.jsonl, …
            using var copy = CrmDatabase.Open(options); // a fresh database with the same settings
            TransferSummary restored = copy.Bulk.Restore(folder); // the same base; exporting it gives the same bytes
            // end

            Assert.Equal(1, exported.Rows["customers"]);
            Assert.Equal(exported.Rows, restored.Rows);
            Assert.Equal("gold", copy.Customers.Get("D-2001").Attributes["segment"].AsText());
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        Assert.Equal(1, night1.Created);
        Assert.Equal(new CustomerCode("cards-7781"), linked);
        Assert.Equal(["same id-number", "same phone", "similar name"], match.Reasons);
        Assert.Equal(1, merged.IdentitiesMoved);
        Assert.Equal(["ZHANG Wei"], alsoKnownAs);
        Assert.Contains(kept, k => k.Field == "attributes.id-number" && k.Value.AsText() == "110101 19800229 0011" && k.System == "cards");
        Assert.Equal(new SyncedRecord(0, "D-2001", SyncAction.Updated), night2.Records.Single());
        Assert.Equal(("Zhang Wei", new StageId("new"), 1), (crm.Customers.Get("D-2001").Name, crm.Customers.Get("D-2001").Stage, crm.Customers.Count()));
    }
}
