using System.Globalization;
using CrmKit;
using CrmKit.Loyalty;
using CrmKit.Samples;
using CrmKit.Scripting;
using Spectre.Console;

// Car dealership, sales and after-sales: prospects from the showroom, the website and a car show,
// segmented by group, model class, new or returning and key account; dormant prospects go back to
// their salesperson; prospects without a test drive get an offer; delivery makes a new customer
// with a welcome call and a check-in before the first service; greetings, win-back after a
// complaint, and the value ladder (satisfied, identifies, loyal, advocate) as segments. Inspection,
// maintenance and insurance-renewal reminders become care tasks, and membership tiers follow the
// points the loyalty ledger earns from spend and referrals.

var beijing = TimeSpan.FromHours(8);
var clock = new ScenarioClock(new DateTimeOffset(2026, 1, 5, 10, 0, 0, beijing));
var engine = new ScriptEngine(new ScriptEngineOptions { TimeProvider = clock });
var options = new CrmOptions
{
    TimeProvider = clock,
    SegmentScripts = new ScriptedSegments(engine),
    Attributes = AttributeSchema.Empty
        .Define("age", AttributeType.Integer)
        .Define("occupation", AttributeType.Text)
        .Define("family", AttributeType.Text)
        .Define("hobbies", AttributeType.TextList)
        .Define("address", AttributeType.Text)
        .Define("model-of-interest", AttributeType.Text)
        .Define("source", AttributeType.Text)
        .Define("satisfaction", AttributeType.Integer)
        .Define("insurance-renewal", AttributeType.Date),
    Loyalty = Membership.Program,
};
using var crm = Step.OpenFresh("dealership.db", options);
var printedTasks = new HashSet<long>();
var printedSuppressions = new HashSet<string>();
var printedExpired = new HashSet<long>();
var printedMoves = new Dictionary<CustomerCode, int>();

Step.Title(clock, "Prospects arrive from the showroom, the website and the car show");
Prospect("D-001", "王芳 (Wang Fang)", "showroom", 38, "architect", "married, two children", ["hiking", "photography"], "Chaoyang, Beijing", "Aurora SUV", "sales.li",
    group: new CustomerGroup(CustomerGroupKind.Household, "H-WANG"), birthday: new DateOnly(1988, 3, 14));
Prospect("D-002", "张伟 (Zhang Wei)", "website", 40, "engineer", "married, two children", ["football"], "Chaoyang, Beijing", "City Hatch", "sales.li",
    group: new CustomerGroup(CustomerGroupKind.Household, "H-WANG"));
Prospect("D-003", "李娜 (Li Na)", "website", 29, "teacher", "single", ["yoga"], "Haidian, Beijing", "City Hatch", "sales.wu");
Prospect("D-004", "陈杰 (Chen Jie)", "car-show", 52, "owner of Jie Trading", "married", ["golf"], "Dongcheng, Beijing", "Aurora SUV", "sales.zhao",
    group: new CustomerGroup(CustomerGroupKind.Company, "C-JIE-TRADING"), tags: ["key-account", "returning"], birthday: new DateOnly(1974, 11, 2));
Prospect("D-005", "周敏 (Zhou Min)", "car-show", 34, "nurse", "married, one child", ["cooking"], "Fengtai, Beijing", "Metro Sedan", "sales.wu",
    optedOut: Channel.Messaging);
crm.Interactions.Record(new Interaction("D-001", InteractionKind.TestDrive, Channel.Store, At(11, 0)) { Staff = "sales.li", Notes = "Aurora SUV, 30 minutes" });
crm.Interactions.Record(new Interaction("D-004", InteractionKind.TestDrive, Channel.Store, At(15, 0)) { Staff = "sales.zhao", Notes = "Aurora SUV at the show track" });
Step.Say("Wang Fang and Chen Jie took a test drive on their first visit; the others did not.");
Step.Say("Zhou Min asked not to be messaged (messaging opt-out recorded).");
crm.Interactions.Record(new Interaction("D-004", "inspection", Channel.Store, new DateTimeOffset(2025, 3, 20, 10, 0, 0, beijing)) { Notes = "annual inspection of the car he owns now" });
Step.Say("Chen Jie's current car passed its annual inspection on 2025-03-20 (recorded as an inspection interaction).");

Step.Title(clock, "Segments: group or individual, premium or mass, new or returning, key accounts, the value ladder");
const string premiumModels = "Aurora SUV,Aurora Coupe";
crm.Segments.Define(new SegmentDefinition("group", "household or company buying together", "Customer.GroupId != null"));
crm.Segments.Define(new SegmentDefinition("individual", "buys alone", "Customer.GroupId == null"));
crm.Segments.Define(new SegmentDefinition("premium", "interested in a premium model",
    "Params.Get<string>(\"models\").Split(',').Contains(Customer.Text(\"model-of-interest\") ?? \"\")")
{
    Parameters = new Dictionary<string, string> { ["models"] = premiumModels },
});
crm.Segments.Define(new SegmentDefinition("mass", "interested in a mass-market model",
    "Customer.Has(\"model-of-interest\") && !Params.Get<string>(\"models\").Split(',').Contains(Customer.Text(\"model-of-interest\"))")
{
    Parameters = new Dictionary<string, string> { ["models"] = premiumModels },
});
crm.Segments.Define(new SegmentDefinition("returning", "already owned the brand", new SegmentFilter(SegmentClause.HasAnyTag("returning"))));
crm.Segments.Define(new SegmentDefinition("first-time", "new to the brand", new SegmentFilter(SegmentClause.HasNoTag("returning"))));
crm.Segments.Define(new SegmentDefinition("key-accounts", "key accounts with a named account manager",
    new SegmentFilter(SegmentClause.HasAnyTag("key-account"), SegmentClause.OwnerIn("sales.zhao"))));
crm.Segments.Define(new SegmentDefinition("satisfied", "bought and rated us 8 or more",
    new SegmentFilter(SegmentClause.Monetary(ClauseOperator.Greater, 0m), SegmentClause.AttributeIs("satisfaction", ClauseOperator.GreaterOrEqual, AttributeValue.Integer(8)))));
crm.Segments.Define(new SegmentDefinition("identifies", "satisfied and joined the owners' club",
    new SegmentFilter(SegmentClause.Monetary(ClauseOperator.Greater, 0m), SegmentClause.AttributeIs("satisfaction", ClauseOperator.GreaterOrEqual, AttributeValue.Integer(8)),
        SegmentClause.HasAnyTag("owners-club"))));
crm.Segments.Define(new SegmentDefinition("loyal", "bought again", new SegmentFilter(SegmentClause.Frequency(ClauseOperator.GreaterOrEqual, 1))));
crm.Segments.Define(new SegmentDefinition("advocate", "referred someone", "Customer.CountOfKind(\"referral\") > 0"));
Step.Say("Membership (the loyalty ledger): " + Membership.Describe());
RefreshSegments();
PrintMemberships();

Step.Title(clock, "The care rules");
using var testDriveOffer = engine.CompileCare("""
    if (Customer.Stage == "prospect" && Customer.CountOfKind("visit") > 0 && Customer.CountOfKind("test-drive") == 0)
    {
        Care.Propose("offer", channel: "phone", note: $"Offer {Customer.Name} a test drive of the {Customer.Text("model-of-interest")}");
        Care.Propose("offer", channel: "messaging", note: $"Offer {Customer.Name} a test drive of the {Customer.Text("model-of-interest")}");
    }
    """, "test-drive-offer.csx");
using var insurance = engine.CompileCare("""
    if (Customer.Date("insurance-renewal") is DateOnly renewal)
    {
        var daysLeft = renewal.DayNumber - DateOnly.FromDateTime(Customer.LocalTime(Now).DateTime).DayNumber;
        if (daysLeft <= 30)
            Care.Propose(renewal.ToString("yyyy-MM-dd"), channel: "phone", priority: CarePriority.High,
                note: $"Insurance for {Customer.Name} renews on {renewal:yyyy-MM-dd}: quote the renewal");
    }
    """, "insurance-renewal.csx");
using var winBack = engine.CompileCare("""
    var complaints = Customer.CountOfKind("complaint");
    if (complaints > 0 && Customer.Integer("satisfaction") is long score && score <= 5)
        Care.Propose("after-complaint-" + complaints, channel: "phone", priority: CarePriority.High,
            note: $"Win back {Customer.Name}: satisfaction {score} after complaint {complaints}");
    """, "win-back.csx");
var rules = new List<ICareRule>
{
    CareRules.DormantProspect(quietDays: 90),
    new ScriptedCareRule("test-drive-offer", testDriveOffer),
    CareRules.DueAfter("welcome", "delivery", TimeSpan.FromHours(1), TimeSpan.FromHours(1), Channel.Phone),
    CareRules.DueAfter("first-service-check-in", "delivery", TimeSpan.FromDays(180), TimeSpan.FromDays(14), Channel.Phone),
    CareRules.DueAfter("inspection", "inspection", TimeSpan.FromDays(365), TimeSpan.FromDays(14), Channel.Phone),
    CareRules.DueAfter("maintenance", InteractionKind.ServiceVisit, TimeSpan.FromDays(180), TimeSpan.FromDays(14), Channel.Phone),
    new ScriptedCareRule("insurance-renewal", insurance),
    CareRules.Birthday(leadDays: 3, Channel.Sms),
    CareRules.PurchaseAnniversary(leadDays: 3, Channel.Email),
    CareRules.KeyAccountHoliday([new Holiday("new-year", 1, 1)], leadDays: 3, channels: [Channel.Phone, Channel.Store]),
    new ScriptedCareRule("win-back", winBack),
};
Step.Say(string.Join(", ", rules.Select(r => r.Name)) + ".");

clock.Advance(TimeSpan.FromHours(6));
Step.Title(clock, "Evening sweep: prospects without a test drive get an offer on phone and messaging");
Sweep();

clock.Advance(TimeSpan.FromHours(19));
Step.Title(clock, "Next morning the loop closes: each answer on one channel withdraws the other");
Complete("D-003", "test-drive-offer", Channel.Messaging, "Li Na booked a test drive for Saturday", "sales.wu");
Complete("D-002", "test-drive-offer", Channel.Phone, "Zhang Wei booked a test drive for Saturday", "sales.li");
clock.Advance(TimeSpan.FromDays(4));
crm.Interactions.Record(new Interaction("D-003", InteractionKind.TestDrive, Channel.Store, clock.GetUtcNow()) { Staff = "sales.wu" });
crm.Interactions.Record(new Interaction("D-002", InteractionKind.TestDrive, Channel.Store, clock.GetUtcNow()) { Staff = "sales.li" });
Step.Say("Saturday: Li Na and Zhang Wei drove the City Hatch.");

clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromHours(4));
Step.Title(clock, "Delivery: Wang Fang and Chen Jie become new customers; welcome call within the day");
Deliver("D-001", 328_000m, "sales.li");
Deliver("D-004", 356_000m, "sales.zhao");
clock.Advance(TimeSpan.FromHours(1));
Sweep();
clock.Advance(TimeSpan.FromHours(1));
Complete("D-001", "welcome", Channel.Phone, "welcomed, explained the app and the first service", "sales.li");
Complete("D-004", "welcome", Channel.Phone, "welcomed, fleet contact confirmed", "sales.zhao");

clock.Advance(TimeSpan.FromDays(14));
Step.Title(clock, "Two weeks on: Li Na buys, and is welcomed the same day");
Deliver("D-003", 118_000m, "sales.wu");
Sweep();
Complete("D-003", "welcome", Channel.Phone, "welcomed, booked a driving-assistant lesson", "sales.wu");
RefreshSegments();

clock.Advance(TimeSpan.FromDays(36));
Step.Title(clock, "Wang Fang's birthday is three days away; Chen Jie's car is due for its inspection");
Sweep();
Complete("D-001", "birthday", Channel.Sms, "birthday greeting sent", "sales.li");
Complete("D-004", "inspection", Channel.Phone, "inspection booked for the 18th", "sales.zhao");
clock.Advance(TimeSpan.FromDays(7));
crm.Interactions.Record(new Interaction("D-004", "inspection", Channel.Store, clock.GetUtcNow()) { Notes = "annual inspection passed" });
Step.Say($"{clock.Today}: Chen Jie's car passes its inspection; the next reminder will come a year from now.");

clock.Advance(TimeSpan.FromDays(19));
Step.Title(clock, "Ninety days without contact: Zhou Min goes dormant and back to her salesperson");
crm.Interactions.Record(new Interaction("D-002", InteractionKind.Inquiry, Channel.Phone, clock.GetUtcNow().AddDays(-5)) { Staff = "sales.li", Notes = "asked about the family discount" });
Sweep();
clock.Advance(TimeSpan.FromDays(2));
Complete("D-005", "dormant-prospect", Channel.Phone, "called back; wants to see the new Metro Sedan in May", "sales.wu");

clock.Advance(TimeSpan.FromDays(34));
Step.Title(clock, "A bad service visit: Chen Jie complains and a win-back task goes to his account manager");
crm.Interactions.Record(new Interaction("D-004", InteractionKind.ServiceVisit, Channel.Store, clock.GetUtcNow()) { Notes = "door seal replaced" });
crm.Interactions.Record(new Interaction("D-004", InteractionKind.Complaint, Channel.Phone, clock.GetUtcNow().AddHours(2)) { Notes = "car kept two days longer than promised" });
SetSatisfaction("D-004", 4);
clock.Advance(TimeSpan.FromHours(3));
Sweep();
clock.Advance(TimeSpan.FromDays(1));
Complete("D-004", "win-back", Channel.Phone, "apologised, free next service, loan car guaranteed", "sales.zhao");
SetSatisfaction("D-004", 9);
Step.Say("Chen Jie rates the follow-up 9 out of 10.");

clock.Advance(TimeSpan.FromDays(38));
Step.Title(clock, "Zhang Wei buys a second car for the household");
Deliver("D-002", 109_000m, "sales.li");
Sweep();
Complete("D-002", "welcome", Channel.Phone, "welcomed; the household now has two cars", "sales.li");
SetSatisfaction("D-001", 9);
SetSatisfaction("D-003", 8);
Step.Say("Satisfaction survey: Wang Fang 9, Li Na 8.");
RefreshSegments();

clock.Advance(TimeSpan.FromDays(16));
Step.Title(clock, "Two weeks before the first service: a check-in for the January deliveries");
Sweep();
foreach (var code in new[] { "D-001", "D-004" })
    Complete(code, "first-service-check-in", Channel.Phone, "first service booked", crm.Customers.Get(code).Owner!);
clock.Advance(TimeSpan.FromDays(20));
Step.Say($"{clock.Today}: and for Li Na, delivered in February.");
Sweep();
Complete("D-003", "first-service-check-in", Channel.Phone, "first service booked", "sales.wu");

clock.Advance(TimeSpan.FromDays(40));
Step.Title(clock, "Up the value ladder: Wang Fang joins the owners' club and refers a friend");
var wang = crm.Customers.Get("D-001");
crm.Customers.Update(wang with { Tags = [.. wang.Tags, "owners-club"] });
Prospect("D-006", "孙丽 (Sun Li)", "referral", 36, "doctor", "married", ["tennis"], "Chaoyang, Beijing", "Aurora Coupe", "sales.li", tags: ["referred"]);
crm.Interactions.Record(new Interaction("D-001", InteractionKind.Referral, Channel.Store, clock.GetUtcNow())
{
    Staff = "sales.li",
    Notes = "referred Sun Li",
    Metadata = new Dictionary<string, string> { ["referred"] = "D-006" },
});
crm.Loyalty.Refer("D-001", "D-006", staff: "sales.li");
Step.Say("Referral recorded: Wang Fang brought Sun Li (D-006) in; Wang Fang earns 500 points when Sun Li first buys.");
RefreshSegments();
Sweep();
Complete("D-006", "test-drive-offer", Channel.Messaging, "Sun Li will come on Sunday", "sales.li");

clock.Advance(TimeSpan.FromDays(40));
Step.Title(clock, "Wang Fang buys again: a second Aurora for her parents");
crm.Interactions.Record(new Interaction("D-001", InteractionKind.Purchase, Channel.Store, clock.GetUtcNow()) { Amount = 296_000m, Staff = "sales.li" });
RefreshSegments();

clock.Advance(TimeSpan.FromDays(3));
Step.Title(clock, "Sun Li orders an Aurora Coupe: the referral converts and Wang Fang is credited");
crm.Interactions.Record(new Interaction("D-006", InteractionKind.Purchase, Channel.Store, clock.GetUtcNow()) { Amount = 268_000m, Staff = "sales.li", Notes = "order paid in full" });
var bonus = crm.Loyalty.Account("D-001").Entries.Single(e => e.Source.Kind == PointsSourceKind.Referral);
Step.Say($"Wang Fang's ledger: entry {bonus.Sequence}, {bonus.Points} points from {bonus.Source} ({bonus.Rule}). Referral conversion by salesperson: "
    + string.Join(", ", crm.Loyalty.ConversionByStaff().Select(c => $"{c.Key} {c.Converted}/{c.Referrals}")) + ".");
RefreshSegments();
var wangPoints = crm.Loyalty.Balance("D-001");
var gift = crm.Loyalty.Redeem("D-001", 2_000, "weekend-loan-coupe", "sales.li", "a weekend with the Aurora Coupe");
Step.Say($"Wang Fang redeems {-gift.Points:N0} of her {wangPoints:N0} points for a weekend with the Aurora Coupe; {crm.Loyalty.Balance("D-001"):N0} points left, "
    + $"still {crm.Loyalty.Tier("D-001")?.Name} (tiers count points earned, not points held).");

clock.Advance(TimeSpan.FromDays(10));
Step.Title(clock, "Six months after Chen Jie's service visit, his maintenance is due");
Sweep();
Complete("D-004", "maintenance", Channel.Phone, "maintenance booked with the loan car", "sales.zhao");

clock.Advance(TimeSpan.FromDays(44));
Step.Title(clock, "December: Zhang Wei's first service is two weeks away");
Sweep();
Complete("D-002", "first-service-check-in", Channel.Phone, "first service booked", "sales.li");

clock.Advance(TimeSpan.FromDays(19));
Step.Title(clock, "Holiday care for the key account: phone and store, one answer closes both");
Sweep();
Complete("D-004", "key-account-holiday", Channel.Store, "New Year gift handed over at the showroom", "sales.zhao");
Step.Say("The same sweep found the insurance renewals for the January deliveries, 30 days ahead:");
Complete("D-001", "insurance-renewal", Channel.Phone, "renewal quote accepted", "sales.li");
Complete("D-004", "insurance-renewal", Channel.Phone, "fleet policy renewed", "sales.zhao");

clock.Advance(TimeSpan.FromDays(20));
Step.Title(clock, "One year since the first purchase: anniversary greetings");
Sweep();
Step.Say("Running the same sweep again at the same instant:");
Sweep();

Step.Title(clock, "Where everyone stands");
PrintMemberships();
var all = crm.Care.Tasks(null, new PageRequest(0, 1_000)).Items;
Step.Say("Tasks by status: " + string.Join(", ", all.GroupBy(t => t.Status).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}")) + ".");
Step.Say("Value ladder: " + string.Join(", ", new[] { "satisfied", "identifies", "loyal", "advocate" }
    .Select(s => $"{s} {crm.Segments.Members(s, PageRequest.First).Items.Count}")) + ".");

DateTimeOffset At(int hour, int minute) => new DateTimeOffset(clock.GetUtcNow().ToOffset(beijing).Date, beijing).AddHours(hour).AddMinutes(minute);

void Prospect(string code, string name, string source, int age, string occupation, string family, string[] hobbies, string address, string model, string owner,
    CustomerGroup? group = null, string[]? tags = null, DateOnly? birthday = null, Channel? optedOut = null)
{
    crm.Customers.Create(new Customer(code, name)
    {
        Owner = owner,
        Group = group,
        Tags = tags ?? [],
        Birthday = birthday,
        TimeZone = "Asia/Shanghai",
        Consents = optedOut is { } channel ? new Dictionary<Channel, Consent> { [channel] = new(false, clock.GetUtcNow()) } : new Dictionary<Channel, Consent>(),
        Attributes = new Dictionary<string, AttributeValue>
        {
            ["age"] = AttributeValue.Integer(age),
            ["occupation"] = AttributeValue.Text(occupation),
            ["family"] = AttributeValue.Text(family),
            ["hobbies"] = AttributeValue.TextList(hobbies),
            ["address"] = AttributeValue.Text(address),
            ["model-of-interest"] = AttributeValue.Text(model),
            ["source"] = AttributeValue.Text(source),
        },
    });
    var visitChannel = source switch { "website" => Channel.Web, "referral" => Channel.Phone, _ => Channel.Store };
    crm.Interactions.Record(new Interaction(code, "visit", visitChannel, clock.GetUtcNow()) { Staff = owner, Notes = "first visit via " + source });
    Step.Say($"{code} {name}: {age}, {occupation}, {family}; from the {source}; wants the {model}; salesperson {owner}" + (group is null ? "" : $"; {group.Kind.ToString().ToLowerInvariant()} {group.Id}"));
}

void Deliver(string code, decimal price, string salesperson)
{
    crm.Interactions.Record(new Interaction(code, InteractionKind.Purchase, Channel.Store, clock.GetUtcNow()) { Amount = price, Staff = salesperson });
    crm.Interactions.Record(new Interaction(code, "delivery", Channel.Store, clock.GetUtcNow()) { Staff = salesperson });
    crm.Lifecycle.Change(code, "new", "car delivered", salesperson);
    var renewal = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(beijing).DateTime).AddYears(1);
    var customer = crm.Customers.Get(code);
    crm.Customers.Update(customer with { Attributes = new Dictionary<string, AttributeValue>(customer.Attributes) { ["insurance-renewal"] = AttributeValue.Date(renewal) } });
    Step.Say($"{code} takes delivery ({price.ToString("N0", CultureInfo.InvariantCulture)}): stage prospect -> new; insurance renews on {renewal:yyyy-MM-dd}.");
}

void SetSatisfaction(string code, int score)
{
    var customer = crm.Customers.Get(code);
    crm.Customers.Update(customer with { Attributes = new Dictionary<string, AttributeValue>(customer.Attributes) { ["satisfaction"] = AttributeValue.Integer(score) } });
}

void Sweep()
{
    var result = crm.Care.Sweep(rules, clock.GetUtcNow());
    Step.Say($"Sweep: {result.Evaluated} customers, {result.Proposed} proposals, {result.Created} created, {result.AlreadyKnown} already known, {result.Suppressed} suppressed, {result.Expired} expired.");
    foreach (var failure in result.Failures) Step.Say("Rule failure: " + failure);
    foreach (var t in crm.Care.Tasks(CareTaskStatus.Expired, new PageRequest(0, 1_000)).Items.Where(t => printedExpired.Add(t.Id)))
        Step.Say($"Expired: task {t.Id}, {t.Customer} {t.OccasionKey} on {t.Channel}, due {t.Due.ToOffset(beijing):yyyy-MM-dd}, nobody acted on it.");
    PrintNewTasks();
    PrintSuppressions();
}

void Complete(string code, string rule, Channel channel, string outcome, string actor)
{
    var task = crm.Care.For(code).Single(t => t.Rule == rule && t.Channel == channel && t.Status == CareTaskStatus.Open);
    crm.Care.Complete(task.Id, outcome, actor);
    Step.Say($"{actor} completed {code}'s {task.OccasionKey} on {channel}: {outcome}.");
    foreach (var other in crm.Care.For(code).Where(t => t.OccasionKey == task.OccasionKey && t.Id != task.Id))
        Step.Say($"   the {other.Channel} task for the same occasion is now {other.Status.ToString().ToLowerInvariant()}.");
    PrintSuppressions();
}

void PrintNewTasks()
{
    var fresh = crm.Care.Tasks(null, new PageRequest(0, 1_000)).Items.Where(t => printedTasks.Add(t.Id)).ToList();
    if (fresh.Count == 0) return;
    var table = new Table().AddColumns("#", "Customer", "Occasion (rule:occasion)", "Channel", "Due (Beijing)", "Owner", "Priority");
    foreach (var t in fresh)
    {
        table.AddRow(t.Id.ToString(CultureInfo.InvariantCulture), t.Customer.Value, Markup.Escape(t.OccasionKey), t.Channel.Name,
            t.Due.ToOffset(beijing).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture), t.Owner ?? "-", t.Priority.ToString());
    }
    AnsiConsole.Write(table);
}

void PrintSuppressions()
{
    foreach (var customer in crm.Customers.All(PageRequest.First).Items)
    {
        foreach (var s in crm.Care.Suppressions(customer.Code))
        {
            if (!printedSuppressions.Add($"{s.Customer}|{s.OccasionKey}|{s.Channel}|{s.Reason}")) continue;
            Step.Say($"Suppressed: {s.Customer} {s.OccasionKey} on {s.Channel}: {s.Reason} ({s.Detail}).");
        }
    }
}

void RefreshSegments()
{
    foreach (var result in crm.Segments.RefreshAll())
    {
        foreach (var e in crm.Segments.Events(result.Segment).Where(e => e.Refresh == result.Refresh))
            Step.Say($"Segment {result.Segment}: {e.Customer} {(e.Entered ? "entered" : "left")}.");
    }
    foreach (var c in crm.Customers.All(PageRequest.First).Items)
        foreach (var move in Membership.NewMoves(crm, c.Code, printedMoves)) Step.Say(move);
}

void PrintMemberships()
{
    var table = new Table().AddColumns("Code", "Name", "Stage", "Owner", "Points", "Tier", "Segments");
    foreach (var c in crm.Customers.All(PageRequest.First).Items)
    {
        var account = crm.Loyalty.Account(c.Code);
        table.AddRow(c.Code.Value, Markup.Escape(c.Name), c.Stage.Name, c.Owner ?? "-", account.Balance.ToString("N0", CultureInfo.InvariantCulture),
            account.Tier?.Name ?? "-", string.Join(", ", crm.Segments.Of(c.Code).Select(m => m.Segment).Order(StringComparer.Ordinal)));
    }
    AnsiConsole.Write(table);
}
