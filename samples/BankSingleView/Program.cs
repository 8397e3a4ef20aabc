using CrmKit;
using CrmKit.Samples;
using Spectre.Console;

// Bank single customer view: records arrive from the core-banking and the card systems with
// different identifiers; the same person appears twice. Match, review, merge, then serve every
// channel from one 360° view. Referrals between staff roles and satisfaction after service are
// recorded too.

var clock = new ScenarioClock(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)));
var options = new CrmOptions
{
    TimeProvider = clock,
    Attributes = AttributeSchema.Empty
        .Define("id-number", AttributeType.Text)
        .Define("products", AttributeType.TextList)
        .Define("source", AttributeType.Text),
};
using var crm = Step.OpenFresh("bank.db", options);

Step.Title(clock, "Records arrive from two source systems");
var core = new[]
{
    Person("CORE-0001", "Zhang Wei", "110101198002290011", "+86 138 0000 0001", null, ["savings", "mortgage"], "core-banking"),
    Person("CORE-0002", "Layla Haddad", "784-1985-1234567-1", "+971 50 123 4567", "layla@example.com", ["current-account"], "core-banking"),
    Person("CORE-0003", "José Núñez", "X1234567L", "+34 600 000 003", null, ["savings"], "core-banking"),
};
var cards = new[]
{
    Person("CARD-7781", "ZHANG Wei", "110101198002290011", "+8613800000001", "zhang.wei@example.com", ["credit-card"], "cards"),
    Person("CARD-7782", "Layla Hadad", null, "+971501234567", null, ["credit-card"], "cards"),
    Person("CARD-7790", "Jose Nunez", null, null, "jose@example.com", ["debit-card"], "cards"),
};
foreach (var c in core.Concat(cards))
{
    crm.Customers.Create(c);
    Step.Say($"{c.Code,-10} {c.Name,-14} from {c.Attributes["source"]}");
}
crm.Interactions.RecordBatch(
[
    new Interaction("CORE-0001", "product-opened", Channel.Store, clock.GetUtcNow().AddYears(-3)) { Outcome = "mortgage", Staff = "teller.liu" },
    new Interaction("CARD-7781", InteractionKind.Purchase, Channel.App, clock.GetUtcNow().AddDays(-20)) { Amount = 1_280.50m },
    new Interaction("CARD-7781", InteractionKind.Purchase, Channel.App, clock.GetUtcNow().AddDays(-3)) { Amount = 86.00m },
    new Interaction("CORE-0002", InteractionKind.Inquiry, Channel.Phone, clock.GetUtcNow().AddDays(-8)) { Notes = "asked about savings rates" },
    new Interaction("CARD-7782", InteractionKind.Purchase, Channel.Web, clock.GetUtcNow().AddDays(-1)) { Amount = 42.10m },
]);
Step.Say("Logged their recent interactions in each system.");

Step.Title(clock, "Match: who is probably the same person?");
var candidates = crm.Customers.FindDuplicates("id-number");
foreach (var c in candidates) Step.Say($"{c.First} ~ {c.Second}: {string.Join(", ", c.Reasons)} (score {c.Score})");

Step.Title(clock, "Review: strong matches are merged, weak ones go to a person");
foreach (var c in candidates)
{
    var (survivor, merged) = c.First.Value.StartsWith("CORE", StringComparison.Ordinal) ? (c.First, c.Second) : (c.Second, c.First);
    if (c.Score >= 2)
    {
        Merge(survivor, merged, "auto-review", string.Join(", ", c.Reasons));
    }
    else if (c.Reasons.Contains("same phone"))
    {
        Step.Say($"{merged} needs a look: same phone, name spelled differently. The reviewer confirms it from the ID copy.");
        Merge(survivor, merged, "reviewer.ma", "same phone; confirmed from ID copy");
    }
    else
    {
        Step.Say($"{c.First} ~ {c.Second} left apart: {string.Join(", ", c.Reasons)} is not enough.");
    }
}
Step.Say($"CARD-7781 now resolves to {crm.Customers.Get("CARD-7781").Code}.");

clock.Advance(TimeSpan.FromDays(2));
Step.Title(clock, "A teller refers Zhang Wei to an account manager");
crm.Interactions.Record(new Interaction("CARD-7781", InteractionKind.Referral, Channel.Store, clock.GetUtcNow())
{
    Staff = "teller.liu",
    Outcome = "accepted",
    Metadata = new Dictionary<string, string> { ["referred-to"] = "manager.chen", ["credited-to"] = "teller.liu" },
});
crm.Claims.Take("CORE-0001", "manager.chen", TimeSpan.FromDays(30));
Step.Say("Recorded the referral, credited to teller.liu; manager.chen now owns the customer.");

Step.Title(clock, "After service: satisfaction and intent");
crm.Interactions.Record(new Interaction("CORE-0001", "survey", Channel.Sms, clock.GetUtcNow().AddHours(2))
{
    Outcome = "promoter",
    Metadata = new Dictionary<string, string> { ["would-recommend"] = "yes", ["intends-to-buy"] = "wealth-management" },
});
Step.Say("Zhang Wei would recommend us and intends to buy wealth management.");

Step.Title(clock, "The 360° view every channel sees");
var view = crm.Customers.Get("CORE-0001");
var stats = crm.Interactions.Stats(view.Code);
var table = new Table().AddColumns("Field", "Value");
table.AddRow("Code", view.Code.Value);
table.AddRow("Name", Markup.Escape(view.Name));
table.AddRow("Owner", view.Owner ?? "-");
table.AddRow("Products", string.Join(", ", view.Attributes["products"].AsTextList()));
table.AddRow("Contact points", Markup.Escape(string.Join(", ", view.ContactPoints.Select(p => p.Value))));
table.AddRow("Interactions", $"{stats.InteractionCount} ({string.Join(", ", stats.CountsByKind.Select(k => $"{k.Key} {k.Value}"))})");
table.AddRow("Card spend", stats.MonetaryTotal.ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
table.AddRow("Merged codes", string.Join(", ", candidates.Where(c => c.First == view.Code || c.Second == view.Code).Select(c => c.First == view.Code ? c.Second : c.First)));
AnsiConsole.Write(table);
Step.Say($"Customers on file: {crm.Customers.All(PageRequest.First).Items.Count} (from 6 source records).");

void Merge(CustomerCode survivor, CustomerCode merged, string actor, string reason)
{
    // Products from both systems are kept: the survivor's list gains the merged record's items.
    var products = crm.Customers.Get(survivor).Attributes["products"].AsTextList().Union(crm.Customers.Get(merged).Attributes["products"].AsTextList()).ToArray();
    var record = crm.Customers.Merge(survivor, merged, actor, reason);
    var after = crm.Customers.Get(survivor);
    crm.Customers.Update(after with { Attributes = new Dictionary<string, AttributeValue>(after.Attributes) { ["products"] = AttributeValue.TextList(products) } });
    Step.Say($"Merged {merged} into {survivor} by {actor}: {record.InteractionsMoved} interaction(s) moved; products {string.Join(", ", products)}.");
}

static Customer Person(string code, string name, string? idNumber, string? phone, string? email, string[] products, string source)
{
    var attributes = new Dictionary<string, AttributeValue>
    {
        ["products"] = AttributeValue.TextList(products),
        ["source"] = AttributeValue.Text(source),
    };
    if (idNumber is not null) attributes["id-number"] = AttributeValue.Text(idNumber);
    var points = new List<ContactPoint>();
    if (phone is not null) points.Add(ContactPoint.Phone(phone));
    if (email is not null) points.Add(ContactPoint.Email(email));
    return new Customer(code, name) { Attributes = attributes, ContactPoints = points, Tags = [source] };
}
