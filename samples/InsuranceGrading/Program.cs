using System.Globalization;
using CrmKit;
using CrmKit.Samples;
using CrmKit.Value;
using Spectre.Console;

// Insurance and B2B sales grading: leads carry a grade (A/B most important, C/D important,
// E bankrupt, F contacted but not graded, G never contacted, V invalid, O existing customer);
// every change is recorded and a grade not reviewed within 90 days is not trusted. A claimed lead
// is locked to its salesperson for seven days. Every call is logged; lost customers get a reason.
// Customers are tiered key / major / normal / small by premium. New customers go to the sales
// team in turn; complaints become cases with deadlines and escalation; a leaving salesperson's
// book is reassigned (ServiceDesk.cs).

var clock = new ScenarioClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1)));
var reviewPeriod = TimeSpan.FromDays(90);
var pipeline = StageModel.Create("lead",
[
    ("lead", "contacted"), ("contacted", "proposal"), ("proposal", "won"),
    ("contacted", "lost"), ("proposal", "lost"), ("lost", "contacted"),
]);
var options = new CrmOptions
{
    TimeProvider = clock,
    Stages = pipeline,
    GradeScale = ["A", "B", "C", "D", "E", "F", "G", "O", "V"],
    Attributes = AttributeSchema.Empty.Define("industry", AttributeType.Text).Define("employees", AttributeType.Integer),
    Routing = ServiceDesk.Routing,
    CasePolicy = ServiceDesk.CasePolicy,
};
using var crm = Step.OpenFresh("insurance.db", options);

Step.Title(clock, "Leads arrive ungraded (G: never contacted)");
string[] names = ["Acme Freight", "Bluebird Dental", "Cedar Bakery", "Delta Steelworks", "Evergreen Clinic", "Falcon Couriers", "Granite Builders", "Harbor Seafood"];
for (var i = 0; i < names.Length; i++)
{
    crm.Customers.Create(new Customer($"L-{i + 1:D3}", names[i])
    {
        Grade = "G",
        Attributes = new Dictionary<string, AttributeValue> { ["employees"] = AttributeValue.Integer(12 + 37 * i % 400) },
    });
}
Step.Say($"{names.Length} leads, all graded G.");

Step.Title(clock, "Ana claims Acme Freight; Bo cannot take it for seven days");
var claim = crm.Claims.Take("L-001", "sales.ana");
Step.Say($"Claimed by {claim.Salesperson} until {claim.Until:yyyy-MM-dd}.");
try
{
    crm.Claims.Take("L-001", "sales.bo");
}
catch (ClaimLockedException e)
{
    Step.Say("Bo is refused: " + e.Message);
}

Step.Title(clock, "Calls are logged and grades follow them");
Call("L-001", "sales.ana", "Fleet of 40 trucks, current cover renews in March; wants a quote", "F", "first call, interested");
crm.Lifecycle.Change("L-001", "contacted", "first call", "sales.ana");
clock.Advance(TimeSpan.FromDays(2));
Call("L-001", "sales.ana", "Decision maker confirmed, budget approved", "B", "qualified: budget and timing");
crm.Lifecycle.Change("L-001", "proposal", "quote sent", "sales.ana");
Call("L-004", "sales.bo", "Company entered insolvency proceedings", "E", "bankrupt");
Call("L-006", "sales.bo", "Number disconnected, no web presence", "V", "invalid lead");
crm.Claims.Take("L-003", "sales.bo");
Call("L-003", "sales.bo", "Owner likes us but premium is above their budget", "D", "small budget");
crm.Lifecycle.Change("L-003", "contacted", "first call", "sales.bo");

clock.Advance(TimeSpan.FromDays(8));
Step.Title(clock, "A week later Bo may claim a lead Ana let go");
Step.Say($"Bo claims Acme Freight: held until {crm.Claims.Take("L-001", "sales.bo").Until:yyyy-MM-dd}.");

Step.Title(clock, "Won and lost, with the pain point recorded");
crm.Lifecycle.Change("L-001", "won", "signed fleet policy", "sales.bo");
crm.Interactions.Record(new Interaction("L-001", InteractionKind.Purchase, Channel.Store, clock.GetUtcNow()) { Amount = 48_000m, Outcome = "fleet policy" });
crm.Grades.Assign("L-001", "O", "now an existing customer", "sales.bo");
crm.Lifecycle.Change("L-003", "lost", "pain point: premium too high for a bakery of 86 staff", "sales.bo");
foreach (var (code, premium) in new[] { ("L-002", 3_900m), ("L-005", 12_500m), ("L-007", 7_200m), ("L-008", 1_100m) })
{
    crm.Interactions.Record(new Interaction(code, InteractionKind.Purchase, Channel.Phone, clock.GetUtcNow()) { Amount = premium });
}
// The rest of the book: 92 small policies bought over the phone.
var random = new Random(2026);
for (var i = 9; i <= 100; i++)
{
    crm.Customers.Create(new Customer($"L-{i:D3}", $"Small business {i}") { Grade = "O" });
    crm.Interactions.Record(new Interaction($"L-{i:D3}", InteractionKind.Purchase, Channel.Phone, clock.GetUtcNow()) { Amount = random.Next(300, 9_000) });
}
var lost = crm.Lifecycle.History("L-003")[^1];
Step.Say($"Acme Freight won (48,000); Cedar Bakery lost: \"{lost.Reason}\".");

clock.Advance(TimeSpan.FromDays(85));
Step.Title(clock, "Three months on: which grades are stale?");
crm.Grades.Review("L-004", "insolvency confirmed in the register", "sales.bo");
var stale = crm.Grades.DueForReview(reviewPeriod);
Step.Say($"{stale.Count} grades not reviewed within 90 days, among them: {string.Join(", ", stale.Take(6).Select(c => $"{c.Code} ({c.Grade})"))}.");
Step.Say($"Acme Freight's grade trusted? {crm.Grades.IsTrusted("L-001", reviewPeriod)}; Delta Steelworks'? {crm.Grades.IsTrusted("L-004", reviewPeriod)}.");

Step.Title(clock, "Grade history of Acme Freight");
foreach (var g in crm.Grades.History("L-001")) Step.Say($"{g.At:yyyy-MM-dd} {g.From ?? "-"} -> {g.To} by {g.Actor}: {g.Reason}");

Step.Title(clock, "Value tiers by premium: key 1%, major 19%, normal 30%, small 50%");
var tiers = crm.Value.TiersBy(s => s.MonetaryTotal,
    [new("key", 0.01m), new("major", 0.19m), new("normal", 0.30m), new("small", 0.50m)]);
var table = new Table().AddColumns("Code", "Name", "Grade", "Stage", "Premium", "Tier");
foreach (var c in crm.Customers.All(new PageRequest(0, 8)).Items)
{
    table.AddRow(c.Code.Value, Markup.Escape(c.Name), c.Grade ?? "-", c.Stage.Name,
        crm.Interactions.Stats(c.Code).MonetaryTotal.ToString("N0", CultureInfo.InvariantCulture), tiers[c.Code].Name);
}
AnsiConsole.Write(table);
Step.Say("Whole book: " + string.Join(", ", tiers.Values.GroupBy(t => t).OrderBy(g => g.Key.Rank).Select(g => $"{g.Key.Name} {g.Count()}")) + ".");

ServiceDesk.Run(crm, clock, tiers);

void Call(CustomerCode lead, string salesperson, string notes, string grade, string why)
{
    crm.Interactions.Record(new Interaction(lead, "call", Channel.Phone, clock.GetUtcNow()) { Staff = salesperson, Notes = notes });
    crm.Grades.Assign(lead, grade, why, salesperson);
    Step.Say($"{lead} call by {salesperson}: \"{notes}\" -> grade {grade}");
}
