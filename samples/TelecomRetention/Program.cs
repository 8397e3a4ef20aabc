using System.Globalization;
using CrmKit;
using CrmKit.Samples;
using CrmKit.Scripting;
using Spectre.Console;

// Telecom retention: customers tiered by average monthly revenue, four lifecycle stages with
// stage-specific care, usage and balance alerts, and protection against over-contact (a frequency
// cap per channel, opt-outs, quiet hours in the customer's time zone, the closed loop). At the end
// the retention, contact success and offer acceptance rates per tier and per account manager.
// Prepaid balance bands and tenure bands are segments; suspension for arrears and calls to a
// competitor's service line raise urgent tasks; diamond customers get a routine monthly VIP call;
// the churn rate over the period comes from the stage history. The rates come from the library
// (crm.Rates), and a retention campaign with a holdout and two offers runs over the wider base.

var clock = new ScenarioClock(new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero));
var periodStart = clock.GetUtcNow();
var engine = new ScriptEngine(new ScriptEngineOptions { TimeProvider = clock });
var stages = StageModel.Create("onboarding",
[
    ("onboarding", "growth"), ("growth", "maturity"), ("maturity", "decline"), ("growth", "decline"),
    ("decline", "growth"), ("decline", "churned"), ("churned", "won-back"), ("won-back", "growth"),
]);
var options = new CrmOptions
{
    TimeProvider = clock,
    Stages = stages,
    PurchaseKinds = new HashSet<InteractionKind> { "top-up" },
    SegmentScripts = new ScriptedSegments(engine),
    ContactPolicy = ContactPolicy.Default with { MaxPerChannel = 1, CapWindow = TimeSpan.FromDays(7), QuietStart = new(21, 0), QuietEnd = new(9, 0) },
    Attributes = AttributeSchema.Empty
        .Define("arpu", AttributeType.Decimal)
        .Define("balance", AttributeType.Decimal)
        .Define("usage-this-month", AttributeType.Integer)
        .Define("plan", AttributeType.Text)
        .Define("joined", AttributeType.Date)
        .Define("arrears", AttributeType.Decimal)
        .Define("suspended-on", AttributeType.Date),
};
using var crm = Step.OpenFresh("telecom.db", options);
var printedTasks = new HashSet<long>();
var printedSuppressions = new HashSet<string>();

Step.Title(clock, "Customers, their average monthly revenue, stage and account manager");
Subscriber("T-001", "Ana Silva", 420m, "maturity", "am.silva", "Europe/Lisbon", "postpaid-max", new DateOnly(2015, 4, 1));
Subscriber("T-002", "Bruno Costa", 210m, "decline", "am.silva", "Europe/Lisbon", "postpaid-plus", new DateOnly(2019, 9, 12), optedOut: Channel.Sms);
Subscriber("T-003", "Carla Mendes", 95m, "growth", "am.costa", "Europe/Lisbon", "postpaid", new DateOnly(2023, 6, 5));
Subscriber("T-004", "Diego Rocha", 45m, "onboarding", "am.costa", "America/Sao_Paulo", "postpaid", new DateOnly(2026, 2, 20));
Subscriber("T-005", "Eva Lima", 20m, "decline", "am.silva", "Europe/Lisbon", "prepaid", new DateOnly(2024, 5, 2), usage: 0);
Subscriber("T-006", "Filipe Sousa", 60m, "maturity", "am.costa", "Europe/Lisbon", "prepaid", new DateOnly(2021, 1, 15), balance: 2.50m);
Subscriber("T-007", "Gabriela Nunes", 330m, "growth", "am.silva", "Asia/Shanghai", "postpaid-max", new DateOnly(2025, 9, 8));
Subscriber("T-008", "Hugo Alves", 25m, "onboarding", "am.costa", "Asia/Shanghai", "prepaid", new DateOnly(2026, 2, 25), balance: 60m);
foreach (var month in new[] { 11, 12, 1 })
{
    var at = new DateTimeOffset(month > 2 ? 2025 : 2026, month, 1, 12, 0, 0, TimeSpan.Zero);
    crm.Interactions.Record(new Interaction("T-005", "top-up", Channel.App, at) { Amount = 20m });
}
Step.Say("Eva Lima topped up her prepaid line on the 1st of November, December and January, then stopped.");
Step.Say("Bruno Costa has opted out of SMS.");

Step.Title(clock, "Tiers by average monthly revenue");
Tier("diamond", "ARPU 300 and more", 300m, null);
Tier("gold", "ARPU 150 to 300", 150m, 300m);
Tier("silver", "ARPU 80 to 150", 80m, 150m);
Tier("normal", "ARPU 30 to 80", 30m, 80m);
Tier("mass", "ARPU under 30", null, 30m);
crm.Segments.Define(new SegmentDefinition("high-value", "diamond, gold and silver", "Customer.Decimal(\"arpu\") >= 80m"));
crm.Segments.Define(new SegmentDefinition("at-risk", "in the decline stage", new SegmentFilter(SegmentClause.StageIn("decline"))));
Bands.Define(crm);
crm.Segments.RefreshAll();
string[] tiers = ["diamond", "gold", "silver", "normal", "mass"];
var table = new Table().AddColumns("Code", "Name", "ARPU", "Tier", "Stage", "Manager", "Time zone");
foreach (var c in crm.Customers.All(PageRequest.First).Items)
{
    table.AddRow(c.Code.Value, c.Name, c.Attributes["arpu"].AsDecimal().ToString("N2", CultureInfo.InvariantCulture), TierOf(c.Code),
        c.Stage.Name, c.Owner ?? "-", c.TimeZone ?? "UTC");
}
AnsiConsole.Write(table);
foreach (var band in Bands.Balance.Select(b => b.Segment).Concat(Bands.Tenure.Select(t => t.Segment)))
    Step.Say($"Band {band}: {string.Join(", ", crm.Segments.Members(band, PageRequest.First).Items.Select(m => m.Customer))}.");

Step.Title(clock, "Care rules: usage alerts, the stage's own care, the churn warning, VIP calls, then the urgent alerts");
var rules = new List<ICareRule>
{
    Script("zero-usage", """
        if (Customer.Integer("usage-this-month") == 0)
            Care.Propose("month-" + Now.ToString("yyyy-MM"), channel: "sms", note: "No usage this month: check the line works");
        """),
    Script("balance-low", """
        if (Customer.Decimal("balance") is decimal balance && balance < 5m)
            Care.Propose("week-" + Now.ToString("yyyy-MM-dd"), channel: "sms", priority: CarePriority.High, note: $"Balance {balance:0.00}: top-up reminder");
        """),
    Script("onboarding-care", """
        if (Customer.Stage == "onboarding")
        {
            Care.Propose("welcome", channel: "sms", note: "Welcome message and profile check");
            if (Now - Customer.StageSince >= TimeSpan.FromDays(25))
                Care.Propose("first-bill", channel: "phone", note: "Explain the first bill");
        }
        """),
    Script("growth-care", """
        if (Customer.Stage == "growth")
            Care.Propose("add-on-" + Now.ToString("yyyy-MM"), channel: "sms", note: "Recommend the roaming and cloud add-ons");
        """),
    Script("maturity-care", """
        if (Customer.Stage == "maturity")
        {
            var occasion = "upgrade-" + Now.ToString("yyyy-MM");
            if (Customer.Decimal("arpu") >= 80m) Care.Propose(occasion, channel: "phone", note: "Upgrade offer: next plan up, same price for 6 months");
            Care.Propose(occasion, channel: "sms", note: "Upgrade offer: next plan up");
        }
        """),
    Script("decline-care", """
        if (Customer.Stage == "decline")
        {
            var occasion = "retention-since-" + Customer.StageSince.ToString("yyyy-MM-dd");
            Care.Propose(occasion, channel: "phone", priority: CarePriority.High, note: "Retention offer: renew with 20% off");
            Care.Propose(occasion, channel: "sms", priority: CarePriority.High, note: "Retention offer: renew with 20% off");
        }
        """),
    CareRules.ChurnWarning(factor: 2.0, minPurchases: 3, Channel.Phone),
    Script("vip-care", """
        if (Customer.Decimal("arpu") >= 300m)
        {
            var local = Customer.LocalTime(Now);
            var due = new DateTimeOffset(local.Year, local.Month, 15, 10, 0, 0, local.Offset);
            Care.Propose("month-" + local.ToString("yyyy-MM"), due: due < Now ? Now : due, channel: "phone", priority: CarePriority.High,
                note: "Routine VIP call from the account manager");
        }
        """),
    Script("win-back", """
        if (Customer.Stage == "churned" && Now - Customer.StageSince >= TimeSpan.FromDays(14))
            Care.Propose("since-" + Customer.StageSince.ToString("yyyy-MM-dd"), channel: "phone", note: "Win-back offer: three months free data");
        """),
    Script("arrears", """
        if (Customer.Date("suspended-on") is DateOnly since)
            Care.Propose("since-" + since.ToString("yyyy-MM-dd"), channel: "phone", priority: CarePriority.Urgent,
                note: $"Suspended for arrears of {Customer.Decimal("arrears"):0.00}: arrange payment and restore the line");
        """),
    Script("competitor-call", """
        var calls = Customer.CountOfKind("competitor-call");
        if (calls > 0)
            Care.Propose("call-" + calls, channel: "phone", priority: CarePriority.Urgent,
                note: "Called a competitor's service line: retention call today");
        """),
};
Step.Say(string.Join(", ", rules.Select(r => r.Name)) + ".");
Step.Say("Contact policy: at most 1 task per customer and channel within 7 days; quiet hours 21:00-09:00 local; opt-outs always win; "
    + "an urgent task goes over a full cap, so the arrears and competitor-call alerts need not come first; a failed call is retried up to 3 times, 4 hours and then a day apart, outside quiet hours.");

Step.Title(clock, "First sweep (10:30 UTC: 07:30 in São Paulo, 18:30 in Shanghai)");
Sweep();

Step.Title(clock, "The same sweep again at the same instant creates nothing");
Sweep();

clock.Advance(TimeSpan.FromDays(1));
Step.Title(clock, "Answers come in on one channel; the closed loop withdraws the others");
Close("T-001", "maturity-care", Channel.Sms, accepted: true, "replied YES to the upgrade", "am.silva");
Close("T-002", "decline-care", Channel.Phone, accepted: true, "renewed for 24 months with 20% off", "am.silva");
crm.Lifecycle.Change("T-002", "growth", "retained: renewed", "am.silva");
Close("T-003", "growth-care", Channel.Sms, accepted: false, "not interested in add-ons", "am.costa");
Close("T-004", "onboarding-care", Channel.Sms, accepted: true, "profile confirmed", "am.costa");
Close("T-008", "onboarding-care", Channel.Sms, accepted: true, "profile confirmed", "am.costa");
Close("T-005", "decline-care", Channel.Phone, accepted: false, "asked to leave; retention call scheduled", "am.silva");
Close("T-005", "zero-usage", Channel.Sms, accepted: true, "line works; uses another SIM", "am.silva");
Close("T-006", "balance-low", Channel.Sms, accepted: true, "topped up", "am.costa");
Top("T-006", 30m);
Step.Say("Gabriela Nunes never answers the add-on message.");

clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
Step.Title(clock, "A week later: Eva's top-ups are overdue (churn warning); Filipe's upgrade offer is no longer capped");
Sweep();
Close("T-005", "churn-warning", Channel.Phone, accepted: false, "retention call: leaving for a competitor", "am.silva");
crm.Lifecycle.Change("T-005", "churned", "ported out", "am.silva");
Close("T-006", "maturity-care", Channel.Sms, accepted: false, "happy with the current plan", "am.costa");

clock.Advance(TimeSpan.FromDays(6));
Step.Title(clock, "Mid-March: routine VIP calls fill the phone cap; Carla and Gabriela are suspended for arrears; Bruno calls a competitor");
Close("T-001", "vip-care", Channel.Phone, accepted: true, "routine VIP call: happy, asked about family lines", "am.silva");
Close("T-007", "vip-care", Channel.Phone, accepted: true, "routine VIP call: travelling in April, roaming set up", "am.silva");
Suspend("T-003", 84.20m);
Suspend("T-007", 512.00m);
crm.Interactions.Record(new Interaction("T-002", "competitor-call", Channel.Phone, clock.GetUtcNow().AddHours(-2)) { Notes = "called a competitor's service line for 6 minutes" });
Step.Say("T-002 called a competitor's service line this morning (from the call records).");
Sweep();
Close("T-003", "arrears", Channel.Phone, accepted: true, "paid the arrears; line restored", "am.costa");
Restore("T-003");
var gabrielaArrears = crm.Care.For("T-007").Single(t => t.Rule == "arrears");
var gabrielaVip = crm.Care.For("T-007").Single(t => t.OccasionKey == "vip-care:month-2026-03");
Step.Say($"T-007's arrears alert went over the full phone cap (her VIP call on {gabrielaVip.Due:MM-dd} used it): urgent tasks are never dropped for routine ones.");
Attempt(gabrielaArrears, AttemptOutcome.NoAnswer, "am.silva");
Close("T-002", "competitor-call", Channel.Phone, accepted: true, "matched the competitor's data offer; staying", "am.silva");

clock.Advance(TimeSpan.FromDays(14));
Step.Title(clock, "End of March: usage figures arrive; the first bill goes out");
SetUsage("T-008", 0);
SetUsage("T-005", 0);
Sweep();
Close("T-004", "onboarding-care", Channel.Phone, accepted: true, "bill explained", "am.costa");
Attempt(gabrielaArrears, AttemptOutcome.Reached, "am.silva");
Close("T-007", "arrears", Channel.Phone, accepted: true, "paid the arrears on the second call; line restored", "am.silva");
Restore("T-007");
var hugoBill = crm.Care.For("T-008").Single(t => t.OccasionKey == "onboarding-care:first-bill");
Attempt(hugoBill, AttemptOutcome.Busy, "am.costa");
Close("T-008", "zero-usage", Channel.Sms, accepted: true, "phone was in a drawer; now active", "am.costa");
Step.Say("Hugo's first-bill call stays open: nobody has reached him yet; the retry waits for the morning in Shanghai.");

clock.Advance(TimeSpan.FromDays(14));
Step.Title(clock, "Two weeks after churning, Eva gets a win-back call");
Sweep();
Close("T-005", "win-back", Channel.Phone, accepted: true, "back on a prepaid plan with free data", "am.silva");
Attempt(hugoBill, AttemptOutcome.NoAnswer, "am.costa");
crm.Lifecycle.Change("T-005", "won-back", "accepted the win-back offer", "am.silva");

Step.Title(clock, "Measured from the tasks and the interactions");
var bandsBefore = crm.Customers.All(PageRequest.First).Items.ToDictionary(c => c.Code, c => Bands.BalanceBandOf(crm, c.Code));
crm.Segments.RefreshAll();
foreach (var (code, before) in bandsBefore.Where(b => b.Value != Bands.BalanceBandOf(crm, b.Key)))
    Step.Say($"Balance band: {code} moved from {before ?? "-"} to {Bands.BalanceBandOf(crm, code) ?? "-"}.");
var periodEnd = clock.GetUtcNow().AddTicks(1);
// The period starts just after the customers were created, so each of them counts in the churn denominator.
var churn = crm.Rates.Churn(ChurnDefinition.EnteringStage("churned"), periodStart.AddTicks(1), periodEnd, RateCut.All)["all"];
Step.Say($"Churn from {periodStart:yyyy-MM-dd} to {clock.Today}: {churn} (crm.Rates.Churn: entered 'churned' / customers not churned at the start).");
var tasks = crm.Care.Tasks(null, new PageRequest(0, 1_000)).Items;
Step.Say("Tasks by status: " + string.Join(", ", tasks.GroupBy(t => t.Status).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}")) + ".");
var careContacts = crm.Customers.All(PageRequest.First).Items.Sum(c => crm.Interactions.Stats(c.Code).CountsByKind.GetValueOrDefault("care-contact"));
Step.Say($"Care contacts logged as interactions: {careContacts}.");
var churnedStage = ChurnDefinition.EnteringStage("churned");
var rates = new Table().AddColumns("Group", "Contacts reached", "Contact success", "At-risk contacted who stayed", "Retention success");
var tierCut = RateCut.BySegment;
AddRates(crm.Rates.ContactSuccess(periodStart, periodEnd, tierCut), crm.Rates.RetentionSuccess("at-risk", churnedStage, periodStart, periodEnd, tierCut), tiers);
var byOwner = crm.Rates.ContactSuccess(periodStart, periodEnd, RateCut.ByOwner);
AddRates(byOwner, crm.Rates.RetentionSuccess("at-risk", churnedStage, periodStart, periodEnd, RateCut.ByOwner), byOwner.Rows.Select(r => r.Key).ToArray());
AddRates(crm.Rates.ContactSuccess(periodStart, periodEnd, RateCut.All), crm.Rates.RetentionSuccess("at-risk", churnedStage, periodStart, periodEnd, RateCut.All), ["all"]);
AnsiConsole.Write(rates);
Step.Say("From crm.Rates: contact success = attempts that reached the customer / attempts (every recorded attempt counts; a closed task without attempts counts once: done or declined reached, expired did not); "
    + "retention success = at-risk customers contacted who stayed / at-risk customers contacted (at risk: in the at-risk segment during the period).");

RetentionCampaign.Run(clock, options);

void AddRates(RateReport contact, RateReport retention, IEnumerable<string> groups)
{
    foreach (var group in groups)
    {
        var (c, r) = (contact[group], retention[group]);
        rates.AddRow(group, $"{c.Numerator}/{c.Denominator}", RetentionCampaign.Percent(c.Value), $"{r.Numerator}/{r.Denominator}", RetentionCampaign.Percent(r.Value));
    }
}

string TierOf(CustomerCode code) => crm.Segments.Of(code).Select(m => m.Segment).FirstOrDefault(tiers.Contains) ?? "-";

ICareRule Script(string name, string source) => new ScriptedCareRule(name, engine.CompileCare(source, name + ".csx"));

void Tier(string name, string description, decimal? from, decimal? below)
{
    var clauses = new List<SegmentClause>();
    if (from is { } f) clauses.Add(SegmentClause.AttributeIs("arpu", ClauseOperator.GreaterOrEqual, AttributeValue.Decimal(f)));
    if (below is { } b) clauses.Add(SegmentClause.AttributeIs("arpu", ClauseOperator.Less, AttributeValue.Decimal(b)));
    crm.Segments.Define(new SegmentDefinition(name, description, new SegmentFilter([.. clauses])));
}

void Subscriber(string code, string name, decimal arpu, string stage, string manager, string zone, string plan, DateOnly joined,
    Channel? optedOut = null, long usage = 300, decimal balance = 25m)
{
    crm.Customers.Create(new Customer(code, name)
    {
        Owner = manager,
        TimeZone = zone,
        Consents = optedOut is { } channel ? new Dictionary<Channel, Consent> { [channel] = new(false, clock.GetUtcNow().AddDays(-30)) } : new Dictionary<Channel, Consent>(),
        Attributes = new Dictionary<string, AttributeValue>
        {
            ["arpu"] = AttributeValue.Decimal(arpu),
            ["balance"] = AttributeValue.Decimal(balance),
            ["usage-this-month"] = AttributeValue.Integer(usage),
            ["plan"] = AttributeValue.Text(plan),
            ["joined"] = AttributeValue.Date(joined),
        },
    }, initialStage: stage);
}

void Suspend(string code, decimal arrears)
{
    var customer = crm.Customers.Get(code);
    var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    crm.Customers.Update(customer with { Attributes = new Dictionary<string, AttributeValue>(customer.Attributes) { ["arrears"] = AttributeValue.Decimal(arrears), ["suspended-on"] = AttributeValue.Date(today) } });
    Step.Say($"{code} suspended for arrears of {arrears.ToString("N2", CultureInfo.InvariantCulture)}.");
}

void Restore(string code)
{
    var customer = crm.Customers.Get(code);
    var attributes = new Dictionary<string, AttributeValue>(customer.Attributes);
    attributes.Remove("suspended-on");
    attributes["arrears"] = AttributeValue.Decimal(0m);
    crm.Customers.Update(customer with { Attributes = attributes });
    Step.Say($"{code} line restored; arrears cleared.");
}

void SetUsage(string code, long minutes)
{
    var customer = crm.Customers.Get(code);
    crm.Customers.Update(customer with { Attributes = new Dictionary<string, AttributeValue>(customer.Attributes) { ["usage-this-month"] = AttributeValue.Integer(minutes) } });
    Step.Say($"{code} used {minutes} minutes this month.");
}

void Top(string code, decimal amount)
{
    crm.Interactions.Record(new Interaction(code, "top-up", Channel.App, clock.GetUtcNow()) { Amount = amount });
    var customer = crm.Customers.Get(code);
    var balance = customer.Attributes["balance"].AsDecimal() + amount;
    crm.Customers.Update(customer with { Attributes = new Dictionary<string, AttributeValue>(customer.Attributes) { ["balance"] = AttributeValue.Decimal(balance) } });
    Step.Say($"{code} topped up {amount.ToString("N2", CultureInfo.InvariantCulture)}; balance now {balance.ToString("N2", CultureInfo.InvariantCulture)}.");
}

void Sweep()
{
    var result = crm.Care.Sweep(rules, clock.GetUtcNow());
    Step.Say($"Sweep at {result.At:yyyy-MM-dd HH:mm} UTC: {result.Proposed} proposals, {result.Created} created, {result.AlreadyKnown} already known, {result.Suppressed} suppressed, {result.Expired} expired.");
    foreach (var failure in result.Failures) Step.Say("Rule failure: " + failure);
    var fresh = crm.Care.Tasks(null, new PageRequest(0, 1_000)).Items.Where(t => printedTasks.Add(t.Id)).ToList();
    if (fresh.Count > 0)
    {
        var tasks = new Table().AddColumns("#", "Customer", "Occasion", "Channel", "Due (local)", "Owner");
        foreach (var t in fresh)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(crm.Customers.Get(t.Customer).TimeZone ?? "UTC");
            var local = TimeZoneInfo.ConvertTime(t.Due, zone).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
            var moved = t.Due != t.ProposedDue ? " (quiet hours)" : "";
            tasks.AddRow(t.Id.ToString(CultureInfo.InvariantCulture), t.Customer.Value, t.OccasionKey, t.Channel.Name, local + moved, t.Owner ?? "-");
        }
        AnsiConsole.Write(tasks);
    }
    PrintSuppressions();
}

void Close(string code, string rule, Channel channel, bool accepted, string outcome, string actor)
{
    var task = crm.Care.For(code).Single(t => t.Rule == rule && t.Channel == channel && t.Status == CareTaskStatus.Open);
    if (accepted) crm.Care.Complete(task.Id, outcome, actor);
    else crm.Care.Decline(task.Id, outcome, actor);
    Step.Say($"{code} {task.OccasionKey} on {channel}: {(accepted ? "done" : "declined")}, \"{outcome}\" ({actor}).");
    PrintSuppressions();
}

void Attempt(CareTask task, AttemptOutcome outcome, string actor)
{
    var result = crm.Care.Attempt(task.Id, outcome, actor);
    var zone = TimeZoneInfo.FindSystemTimeZoneById(crm.Customers.Get(task.Customer).TimeZone ?? "UTC");
    var next = result.Retry.NextAt is { } at ? $"; next attempt {TimeZoneInfo.ConvertTime(at, zone):MM-dd HH:mm} local" : "";
    Step.Say($"{task.Customer} {task.OccasionKey}: attempt {result.Retry.Attempts} by {actor}, {result.Attempt.OutcomeText}{next} "
        + $"({result.Retry.Verdict.ToString().ToLowerInvariant()}: {result.Retry.Reason}); the task is {result.Task!.Status.ToString().ToLowerInvariant()}.");
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
