using CrmKit;
using CrmKit.Samples;
using Spectre.Console;

// Bank single customer view: the core-banking and the card systems each send a nightly feed of
// their customer records, with identifiers of their own. The feeds are synced into one base: each
// system's identifier is kept in the identity map, so the next night's feed updates rather than
// duplicates. The same person arriving from both systems is matched, reviewed and merged into one
// customer code, losing nothing. Then every channel is served from one 360° view.

var clock = new ScenarioClock(new DateTimeOffset(2026, 4, 1, 2, 0, 0, TimeSpan.FromHours(8)));
var options = new CrmOptions
{
    TimeProvider = clock,
    Attributes = AttributeSchema.Empty
        .Define("id-number", AttributeType.Text)
        .Define("accounts", AttributeType.TextList)
        .Define("cards", AttributeType.TextList)
        .Define("segment", AttributeType.Text),
};
using var crm = Step.OpenFresh("bank.db", options);
var core = new SyncOptions { System = "core-banking", Key = SyncKey.SourceId, IdentityAttributes = ["id-number"] };
var cards = new SyncOptions { System = "cards", Key = SyncKey.SourceId, IdentityAttributes = ["id-number"] };

Step.Title(clock, "Night 1: the core-banking and card feeds arrive");
Sync("core-banking", core,
[
    Record("0001", "CORE-0001", "Zhang Wei", "110101198002290011", "+86 138 0000 0001", null, accounts: ["savings", "mortgage"], segment: "retail"),
    Record("0002", "CORE-0002", "Layla Haddad", "784-1985-1234567-1", "+971 50 123 4567", "layla@example.com", accounts: ["current-account"], segment: "retail"),
    Record("0003", "CORE-0003", "José Núñez", "X1234567L", "+34 600 000 003", null, accounts: ["savings"], segment: "retail"),
]);
Sync("cards", cards,
[
    Record("7781", "CARD-7781", "ZHANG Wei", "110101 19800229 0011", "13800000001", "zhang.wei@example.com", cards: ["credit-card"], segment: "gold"),
    Record("7782", "CARD-7782", "Layla Hadad", null, "+971501234567", null, cards: ["credit-card"]),
    Record("7790", "CARD-7790", "Jose Nunez", null, null, "jose@example.com", cards: ["debit-card"]),
]);
crm.Interactions.RecordBatch(
[
    new Interaction("CORE-0001", "product-opened", Channel.Store, clock.GetUtcNow().AddYears(-3)) { Outcome = "mortgage", Staff = "teller.liu" },
    new Interaction("CARD-7781", InteractionKind.Purchase, Channel.App, clock.GetUtcNow().AddDays(-20)) { Amount = 1_280.50m },
    new Interaction("CARD-7781", InteractionKind.Purchase, Channel.App, clock.GetUtcNow().AddDays(-3)) { Amount = 86.00m },
    new Interaction("CORE-0002", InteractionKind.Inquiry, Channel.Phone, clock.GetUtcNow().AddDays(-8)) { Notes = "asked about savings rates" },
    new Interaction("CARD-7782", InteractionKind.Purchase, Channel.Web, clock.GetUtcNow().AddDays(-1)) { Amount = 42.10m },
]);
Step.Say("Logged their recent interactions in each system.");

clock.Advance(TimeSpan.FromHours(7));
Step.Title(clock, "Morning: the review list");
Review();

clock.Advance(TimeSpan.FromHours(17));
Step.Title(clock, "Night 2: the same feeds again, with what changed since");
Sync("core-banking", core,
[
    Record("0001", "CORE-0001", "Zhang Wei", "110101198002290011", "+86 138 0000 0001", null, accounts: ["savings", "mortgage", "wealth-management"], segment: "retail"),
    Record("0002", "CORE-0002", "Layla Haddad", "784-1985-1234567-1", "+971 50 123 4567", "layla@example.com", accounts: ["current-account"], segment: "private"),
    Record("0003", "CORE-0003", "José Núñez", "X1234567L", "+34 600 000 003", null, accounts: ["savings"], segment: "retail"),
    Record("0004", "CORE-0004", "陈静", "310101199003070022", "+86 139 0000 0004", null, accounts: ["savings"], segment: "retail"),
]);
Sync("cards", cards,
[
    Record("7781", "CARD-7781", "ZHANG Wei", "110101 19800229 0011", "13800000001", "zhang.wei@example.com", cards: ["credit-card", "travel-card"], segment: "platinum"),
    Record("7782", "CARD-7782", "Layla Hadad", null, "+971501234567", null, cards: ["credit-card"]),
    Record("7790", "CARD-7790", "Jose Nunez", null, null, "jose@example.com", cards: ["debit-card"]),
    Record("7795", "CARD-7795", "Chen Jing", "310101199003070022", null, "chen.jing@example.com", cards: ["credit-card"]),
    Record("7796", "CARD-7796", "Núñez Ana", null, "+34 600 000 003", null, cards: ["debit-card"]),
]);
Step.Say($"Customers on file: {crm.Customers.Count()}; every source identifier still points at one customer.");

clock.Advance(TimeSpan.FromHours(7));
Step.Title(clock, "Morning: the review list again");
Review();

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
var view = crm.Customers.Get("CARD-7781");
var stats = crm.Interactions.Stats(view.Code);
var table = new Table().AddColumns("Field", "Value");
table.AddRow("Code", view.Code.Value);
table.AddRow("Name", Markup.Escape(view.Name));
table.AddRow("Also known as", Markup.Escape(string.Join(", ", crm.Identity.Names(view.Code))));
table.AddRow("Identifiers", Markup.Escape(string.Join(", ", crm.Identity.Of(view.Code).Select(i => $"{i.System} {i.Id}"))));
table.AddRow("Owner", view.Owner ?? "-");
table.AddRow("Accounts", string.Join(", ", view.Attributes["accounts"].AsTextList()));
table.AddRow("Cards", string.Join(", ", view.Attributes["cards"].AsTextList()));
table.AddRow("Segment", view.Attributes["segment"].AsText());
table.AddRow("Kept aside", Markup.Escape(string.Join("; ", crm.Identity.Kept(view.Code).Where(k => k.Field != "name").Select(k => $"{k.Field} {k.Value} from {k.System ?? "CrmKit"}"))));
table.AddRow("Contact points", Markup.Escape(string.Join(", ", view.ContactPoints.Select(p => p.Value))));
table.AddRow("Interactions", $"{stats.InteractionCount} ({string.Join(", ", stats.CountsByKind.Select(k => $"{k.Key} {k.Value}"))})");
table.AddRow("Card spend", stats.MonetaryTotal.ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
table.AddRow("Merged codes", string.Join(", ", crm.Identity.Merges(view.Code).Select(m => m.Merged.Value)));
AnsiConsole.Write(table);
Step.Say($"Customers on file: {crm.Customers.Count()} (from 9 source records, fed twice).");

void Sync(string system, SyncOptions sync, SourceRecord[] records)
{
    var result = crm.Customers.Sync(records, sync);
    Step.Say($"{system}: {records.Length} record(s): {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged" +
        (result.Kept > 0 ? $", {result.Kept} value(s) another system already gave kept aside" : "") + ".");
    foreach (var m in result.Matches) Step.Say($"  {m.First} ~ {m.Second}: {string.Join(", ", m.Reasons)} (score {m.Score}) added to the review list.");
}

void Review()
{
    var matches = crm.Identity.Matches();
    if (matches.Count == 0) Step.Say("Nothing to review.");
    foreach (var m in matches)
    {
        // The core-banking record survives: its code is the one branches know.
        var (survivor, merged) = m.First.Value.StartsWith("CORE", StringComparison.Ordinal) ? (m.First, m.Second) : (m.Second, m.First);
        var reasons = string.Join(", ", m.Reasons);
        if (m.Reasons.Contains("same id-number")) Merge(survivor, merged, "reviewer.ma", reasons);
        else if (m.Reasons.Contains("similar name"))
        {
            Step.Say($"{merged} needs a look: {reasons}. The reviewer confirms it from the ID copy.");
            Merge(survivor, merged, "reviewer.ma", reasons + "; confirmed from ID copy");
        }
        else
        {
            crm.Identity.Dismiss(m.First, m.Second, "reviewer.ma", "a family member shares the phone");
            Step.Say($"{m.First} ~ {m.Second} left apart: {reasons}, but a family member shares the phone.");
        }
    }
}

void Merge(CustomerCode survivor, CustomerCode merged, string actor, string reason)
{
    var record = crm.Customers.Merge(survivor, merged, actor, reason);
    Step.Say($"Merged {merged} into {survivor} by {actor} ({reason}): {record.InteractionsMoved} interaction(s) and {record.IdentitiesMoved} identifier(s) moved, " +
        $"{record.ValuesKept} differing value(s) kept.");
}

static SourceRecord Record(string sourceId, string code, string name, string? idNumber, string? phone, string? email,
    string[]? accounts = null, string[]? cards = null, string? segment = null)
{
    var attributes = new Dictionary<string, AttributeValue>();
    if (idNumber is not null) attributes["id-number"] = AttributeValue.Text(idNumber);
    if (accounts is not null) attributes["accounts"] = AttributeValue.TextList(accounts);
    if (cards is not null) attributes["cards"] = AttributeValue.TextList(cards);
    if (segment is not null) attributes["segment"] = AttributeValue.Text(segment);
    var points = new List<ContactPoint>();
    if (phone is not null) points.Add(ContactPoint.Phone(phone));
    if (email is not null) points.Add(ContactPoint.Email(email));
    return new SourceRecord(sourceId, new Customer(code, name) { Attributes = attributes, ContactPoints = points });
}
