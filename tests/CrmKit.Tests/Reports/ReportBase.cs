using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Tests.Reports;

/// <summary>
/// A year of a small business, made once per test run for the report tests: customers arriving
/// month by month (Chinese names among them, and a few names that try to inject HTML and script),
/// purchases that thin out with age, stage moves, three segments refreshed every other week, a care rule
/// swept every month under a frequency cap and opt-outs, a value fit, a campaign with two offers
/// and a holdout, and service cases. Every chart of the report has something to draw.
/// </summary>
public sealed class ReportBase
{
    /// <summary>Names that would run script or break the page if they reached it unescaped.</summary>
    public static readonly string[] HostileNames =
    [
        "<script>window.injected = 1</script>",
        "\"><img src=x onerror=\"window.injected = 2\">",
        "</script><script>window.injected = 3</script>",
        "{a|rich} & 'quotes' \u2028 line",
    ];

    /// <summary>The Chinese name every test looks for, on the most valuable customer.</summary>
    public const string ChineseName = "王芳";

    /// <summary>A segment description that mixes Chinese with markup.</summary>
    public const string HostileDescription = "高价值客户 <b>VIP</b> </script><script>window.injected = 4</script>";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "艳", "勇"];

    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ReportBase> Shared = new(() => new ReportBase());

    /// <summary>The base, made on first use and shared by every test (read only from then on).</summary>
    public static ReportBase Instance => Shared.Value;

    public FakeTimeProvider Clock { get; } = new(Start);

    public CrmDatabase Crm { get; }

    /// <summary>The report as <see cref="CrmKit.Reports.ReportBook.WriteHtml"/> writes it with the default options at the end of the year.</summary>
    public string Html { get; }

    private ReportBase()
    {
        Crm = CrmDatabase.Open(CrmOptions.InMemory() with
        {
            TimeProvider = Clock,
            ContactPolicy = ContactPolicy.Default with { MaxPerChannel = 1, CapWindow = TimeSpan.FromDays(7) },
        });
        var random = new Random(20261207);
        Crm.Segments.Define(new SegmentDefinition("vip", HostileDescription, new SegmentFilter(SegmentClause.HasAnyTag("vip"))));
        Crm.Segments.Define(new SegmentDefinition("buyers", "bought at least twice", new SegmentFilter(SegmentClause.Frequency(ClauseOperator.GreaterOrEqual, 1))));
        Crm.Segments.Define(new SegmentDefinition("lapsing", "no purchase for 60 days", new SegmentFilter(SegmentClause.RecencyDays(ClauseOperator.Greater, 60))));
        var codes = new List<string>();
        for (var month = 0; month < 12; month++)
        {
            codes.AddRange(Arrive(month, random));
            foreach (var week in Enumerable.Range(0, 4))
            {
                Buy(codes, month, random);
                Clock.Advance(TimeSpan.FromDays(7));
                if (week % 2 == 1) Crm.Segments.RefreshAll();
            }
            Sweep(random);
            if (month == 8) Campaign(random);
            if (month % 3 == 2) Cases(codes, random);
        }
        Crm.Value.Fit(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        var top = Crm.Value.All().Where(v => !HostileNames.Contains(Crm.Customers.Get(v.CustomerCode).Name)).MaxBy(v => v.LifetimeValue)!;
        Crm.Customers.Update(Crm.Customers.Get(top.CustomerCode) with { Name = ChineseName });
        var output = new MemoryStream();
        Crm.Reports.WriteHtml(output);
        Html = System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    private IEnumerable<string> Arrive(int month, Random random)
    {
        var customers = Enumerable.Range(0, 14 + month % 4).Select(i =>
        {
            var n = month * 100 + i;
            var name = i == 1 && month < HostileNames.Length ? HostileNames[month] : Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
            return new Customer($"C-{n:0000}", name)
            {
                Tags = random.NextDouble() < 0.25 ? ["vip"] : [],
                Consents = random.NextDouble() < 0.2 ? new Dictionary<Channel, Consent> { [Channel.Sms] = new(false, Clock.GetUtcNow()) } : [],
            };
        }).ToArray();
        Crm.Customers.CreateMany(customers);
        return customers.Select(c => c.Code.Value);
    }

    private void Buy(List<string> codes, int month, Random random)
    {
        var purchases = new List<Interaction>();
        foreach (var code in codes)
        {
            var age = month - int.Parse(code.AsSpan(2, 2));
            // Customers with hostile names buy often and much, so they are among the most valuable and the report lists them.
            var hostile = code.EndsWith("01", StringComparison.Ordinal) && age < 12 && int.Parse(code.AsSpan(2, 2)) < HostileNames.Length;
            var chance = hostile ? 0.8 : age <= 0 ? 0.45 : 0.35 / (1 + 0.3 * age);
            if (random.NextDouble() >= chance) continue;
            var at = Clock.GetUtcNow().AddHours(random.Next(0, 24 * 6));
            var amount = hostile ? 1_500m : Math.Round((decimal)(20 + random.NextDouble() * random.NextDouble() * 900), 2);
            purchases.Add(new Interaction(code, InteractionKind.Purchase, Channel.Store, at) { Amount = amount });
        }
        if (purchases.Count == 0) return;
        Crm.Interactions.RecordBatch(purchases);
        foreach (var code in purchases.Select(p => p.Customer).Distinct())
        {
            var stats = Crm.Interactions.Stats(code);
            var stage = Crm.Customers.Get(code).Stage.Name;
            var next = (stage, stats.PurchaseCount) switch
            {
                ("prospect", _) => "new",
                ("new", >= 3) => "growing",
                ("growing", >= 6) => "mature",
                ("churned", _) => "won-back",
                ("won-back", _) => "growing",
                _ => null,
            };
            if (next is not null) Crm.Lifecycle.Change(code, next, "purchases", "report-base");
        }
        foreach (var customer in Crm.Customers.InStage("mature", new PageRequest(0, 1000)).Items.Where(c => random.NextDouble() < 0.1))
            Crm.Lifecycle.Change(customer.Code, "declining", "fewer purchases", "report-base");
        foreach (var customer in Crm.Customers.InStage("declining", new PageRequest(0, 1000)).Items.Where(c => random.NextDouble() < 0.2))
            Crm.Lifecycle.Change(customer.Code, "churned", "no purchase", "report-base");
    }

    private void Sweep(Random random)
    {
        Crm.Care.Sweep([new MonthlyCheckIn()], Clock.GetUtcNow());
        foreach (var task in Crm.Care.Tasks(CareTaskStatus.Open, new PageRequest(0, 10_000)).Items.Where(t => t.Rule == MonthlyCheckIn.RuleName).Take(25))
        {
            var draw = random.NextDouble();
            if (draw < 0.55) Crm.Care.Complete(task.Id, "called", "agent.li");
            else if (draw < 0.7) Crm.Care.Decline(task.Id, "not-interested", "agent.li");
        }
    }

    private void Campaign(Random random)
    {
        var now = Clock.GetUtcNow();
        Crm.Campaigns.Create("autumn-upgrade", new CampaignPlan
        {
            Name = "Autumn upgrade",
            Goal = "Bring buyers back before winter",
            Owner = "am.zhang",
            Target = CampaignTarget.OfSegment("buyers"),
            Offers = [new CampaignOffer("discount", "15% off the next purchase", 0.5), new CampaignOffer("gift", "a gift with the next purchase", 0.5)],
            Channels = [Channel.Phone],
            Window = new CampaignWindow(now, now.AddDays(21)),
            CostPerContact = 1.5m,
            Budget = 5_000m,
            AttributionWindow = TimeSpan.FromDays(30),
            Response = new ResponseRule(null, acceptedOutcome: "accepted", countsPurchase: true),
            HoldoutShare = 0.25,
        }, "am.zhang");
        Crm.Campaigns.Submit("autumn-upgrade", "am.zhang", "ready");
        Crm.Campaigns.Approve("autumn-upgrade", "head.of.sales", "approved");
        Crm.Campaigns.Run("autumn-upgrade", "scheduler");
        var arms = Crm.Campaigns.Assignments("autumn-upgrade").ToDictionary(a => a.Customer);
        var answers = new List<Interaction>();
        foreach (var task in Crm.Care.Tasks(CareTaskStatus.Open, new PageRequest(0, 10_000)).Items.Where(t => t.Rule == "campaign.autumn-upgrade"))
        {
            if (random.NextDouble() >= 0.75) continue;
            if (random.NextDouble() < (arms[task.Customer].Offer == "discount" ? 0.6 : 0.4))
            {
                Crm.Care.Complete(task.Id, "accepted", "agent.wu");
                answers.Add(new Interaction(task.Customer, InteractionKind.Purchase, Channel.Phone, Clock.GetUtcNow().AddDays(2)) { Amount = 180m });
            }
            else Crm.Care.Decline(task.Id, "not-interested", "agent.wu");
        }
        foreach (var holdout in arms.Values.Where(a => a.IsHoldout && random.NextDouble() < 0.15))
            answers.Add(new Interaction(holdout.Customer, InteractionKind.Purchase, Channel.Store, Clock.GetUtcNow().AddDays(3)) { Amount = 180m });
        if (answers.Count > 0) Crm.Interactions.RecordBatch(answers);
    }

    private void Cases(List<string> codes, Random random)
    {
        string[] categories = ["complaint", "request", "inquiry"];
        for (var i = 0; i < 8; i++)
        {
            var opened = Crm.Cases.Open(codes[random.Next(codes.Count)], categories[i % 3], (TaskPriority)(i % 3), $"问题 {i} <i>subject</i>", Channel.Phone, "desk");
            if (i % 4 == 3) continue;
            Crm.Cases.Assign(opened.Id, "agent.chen", "lead");
            Crm.Cases.Respond(opened.Id, "agent.chen");
            if (i % 2 == 0) Crm.Cases.Resolve(opened.Id, "explained", "answered on the phone", "agent.chen");
        }
    }

    /// <summary>Proposes a call and a text to every customer once a month: opt-outs and the frequency cap hold some back.</summary>
    private sealed class MonthlyCheckIn : ICareRule
    {
        internal const string RuleName = "monthly-check-in";

        public string Name => RuleName;

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
        {
            var occasion = $"check-in-{now:yyyy-MM}";
            yield return new CareAction(occasion, now, Channel.Sms);
            if (customer.Customer.Tags.Contains("vip")) yield return new CareAction(occasion + "-vip", now.AddHours(2), Channel.Sms);
        }
    }
}
