using System.Globalization;
using CrmKit;
using Spectre.Console;

// The quick start: a car dealership's first customers, their visits, test drives and deliveries,
// on the embedded default database file crm.db in the working folder. The first run records the
// history; every run then logs one more showroom inquiry per customer and prints the table.

var options = new CrmOptions
{
    FilePath = "crm.db",
    CreateIfMissing = true, // the first run creates crm.db; later runs open it
    Attributes = AttributeSchema.Empty
        .Define("occupation", AttributeType.Text)
        .Define("family-size", AttributeType.Integer)
        .Define("model-of-interest", AttributeType.Text)
        .Define("hobbies", AttributeType.TextList),
};
var existed = File.Exists(options.FilePath);
using var crm = CrmDatabase.Open(options);
AnsiConsole.MarkupLine(existed ? "Opened [bold]crm.db[/] (reusing it)." : "Created [bold]crm.db[/].");

var showroom = new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.FromHours(8));
var prospects = new[]
{
    new Customer("D-1001", "王芳")
    {
        Tags = ["family", "showroom"],
        Owner = "sales.li",
        ContactPoints = [ContactPoint.Phone("+86 138 0000 1001")],
        Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(true, showroom) },
        Attributes = new Dictionary<string, AttributeValue>
        {
            ["occupation"] = AttributeValue.Text("teacher"),
            ["family-size"] = AttributeValue.Integer(4),
            ["model-of-interest"] = AttributeValue.Text("Touring 7-seat"),
        },
        Birthday = new DateOnly(1988, 5, 14),
        TimeZone = "Asia/Shanghai",
    },
    new Customer("D-1002", "Omar Haddad")
    {
        Tags = ["premium", "car-show"],
        Owner = "sales.chen",
        ContactPoints = [ContactPoint.Email("omar.haddad@example.com")],
        Attributes = new Dictionary<string, AttributeValue>
        {
            ["occupation"] = AttributeValue.Text("architect"),
            ["model-of-interest"] = AttributeValue.Text("GT Coupé"),
            ["hobbies"] = AttributeValue.TextList(["golf", "sailing"]),
        },
    },
    new Customer("D-1003", "Northwind Logistics")
    {
        Tags = ["fleet", "key-account"],
        Owner = "sales.li",
        Grade = "A",
        Group = new CustomerGroup(CustomerGroupKind.Company, "NORTHWIND"),
        Attributes = new Dictionary<string, AttributeValue> { ["model-of-interest"] = AttributeValue.Text("Van L2") },
    },
};

foreach (var prospect in prospects)
{
    if (crm.Customers.Find(prospect.Code) is not null) continue;
    crm.Customers.Create(prospect);
    RecordHistory(crm, prospect.Code, showroom);
    AnsiConsole.MarkupLine($"Recorded [bold]{Markup.Escape(prospect.Name)}[/] ({prospect.Code}) with their visits so far.");
}

// Every run: each customer drops by the showroom once more.
crm.Interactions.RecordBatch(prospects.Select(p =>
    new Interaction(p.Code, InteractionKind.Inquiry, Channel.Store, options.TimeProvider.GetLocalNow()) { Staff = p.Owner, Outcome = "brochure" }));
AnsiConsole.MarkupLine("Logged one showroom inquiry per customer for today.");

var table = new Table().Title("Customers").AddColumns("Code", "Name", "Stage", "Touches", "Buys", "Spend", "Last buy", "Last contact");
foreach (var customer in crm.Customers.All(PageRequest.First).Items)
{
    var stats = crm.Interactions.Stats(customer.Code);
    table.AddRow(
        customer.Code.Value,
        Markup.Escape(customer.Name),
        customer.Stage.Name,
        stats.InteractionCount.ToString(CultureInfo.InvariantCulture),
        stats.PurchaseCount.ToString(CultureInfo.InvariantCulture),
        stats.MonetaryTotal.ToString("N0", CultureInfo.InvariantCulture),
        stats.LastPurchaseAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
        stats.LastContactAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
}
AnsiConsole.Write(table);

static void RecordHistory(CrmDatabase crm, CustomerCode code, DateTimeOffset firstVisit)
{
    switch (code.Value)
    {
        case "D-1001": // a family: visit, test drive, buys a 7-seater, first service
            crm.Interactions.RecordBatch(
            [
                new Interaction(code, InteractionKind.Inquiry, Channel.Store, firstVisit) { Staff = "sales.li", Notes = "Needs room for 4 and a dog" },
                new Interaction(code, InteractionKind.TestDrive, Channel.Store, firstVisit.AddDays(6)) { Staff = "sales.li", Outcome = "liked it" },
                new Interaction(code, InteractionKind.Purchase, Channel.Store, firstVisit.AddDays(20)) { Amount = 32_900m, Staff = "sales.li" },
                new Interaction(code, InteractionKind.ServiceVisit, Channel.Store, firstVisit.AddMonths(6)) { Amount = 380m, Outcome = "first service" },
            ]);
            crm.Lifecycle.Change(code, "new", "car delivered", "sales.li");
            break;
        case "D-1002": // met at a car show, test drive on the web booking, still deciding
            crm.Interactions.RecordBatch(
            [
                new Interaction(code, InteractionKind.Inquiry, Channel.Web, firstVisit.AddDays(2)),
                new Interaction(code, InteractionKind.TestDrive, Channel.Store, firstVisit.AddDays(9)) { Staff = "sales.chen" },
            ]);
            break;
        case "D-1003": // a fleet: two orders, growing
            crm.Interactions.RecordBatch(
            [
                new Interaction(code, InteractionKind.Purchase, Channel.Phone, firstVisit.AddDays(1)) { Amount = 96_000m, Notes = "3 vans" },
                new Interaction(code, InteractionKind.Purchase, Channel.Phone, firstVisit.AddMonths(4)) { Amount = 64_500m, Notes = "2 more vans" },
                new Interaction(code, InteractionKind.Refund, Channel.Phone, firstVisit.AddMonths(4).AddDays(3)) { Amount = -1_200m, Notes = "missing roof racks" },
            ]);
            crm.Lifecycle.Change(code, "new", "first fleet order", "sales.li");
            crm.Lifecycle.Change(code, "growing", "repeat order", "sales.li");
            break;
    }
}
