using FsCheck;
using FsCheck.Fluent;

namespace CrmKit.Tests;

/// <summary>
/// The one place properties draw customers, interactions and instants from, so every property
/// sees the same odd cases: Unicode names (Chinese, Arabic, emoji), instants with offsets from
/// -14:00 to +14:00 at tick precision, decimals of every scale, refunds.
/// </summary>
public static class Generators
{
    public static readonly string[] UnicodeSamples =
    [
        "李伟", "王芳", "محمد علي", "فاطمة", "José Ñúñez", "Zoë Æsir", "🚗💨", "👨‍👩‍👧‍👦 family", "Ωmega", "नमस्ते", "Дмитрий", "e\u0301cole",
    ];

    public static readonly string[] Kinds = ["purchase", "purchase", "purchase", "refund", "service-visit", "complaint", "test-drive", "inquiry"];
    public static readonly string[] Channels = ["store", "phone", "sms", "email", "messaging", "web", "app"];
    public static readonly string[] TagPool = ["vip", "family", "premium", "fleet", "新客户", "عميل", "🔥hot", "returning"];

    public static Gen<string> UnicodeText { get; } =
        Gen.OneOf(
            Gen.Elements(UnicodeSamples),
            Gen.Elements(UnicodeSamples).ListOf().Select(parts => string.Concat(parts)).Where(s => s.Length is > 0 and <= 80),
            Gen.Choose(0x4E00, 0x9FFF).Select(c => (char)c).ArrayOf().Where(a => a.Length is > 0 and < 40).Select(a => new string(a)));

    public static Gen<DateTimeOffset> Instant { get; } =
        from ticks in Gen.Choose(0, int.MaxValue).Two()
        from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
        let baseTicks = new DateTime(2000, 1, 1).Ticks
        let span = (long)ticks.Item1 * 1_000_000L % (30L * 365 * TimeSpan.TicksPerDay) + ticks.Item2 % 10_000_000
        select new DateTimeOffset(baseTicks + span, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    public static Gen<decimal> Money { get; } =
        from units in Gen.Choose(0, 5_000_000)
        from scale in Gen.Choose(0, 6)
        select new decimal(units, 0, 0, false, (byte)scale);

    public static Gen<int> CustomerIndex(int customers) => Gen.Choose(0, customers - 1);

    /// <summary>An interaction for one of <paramref name="customers"/> customers named C0, C1, …</summary>
    public static Gen<Interaction> InteractionFor(int customers) =>
        from index in CustomerIndex(customers)
        from kind in Gen.Elements(Kinds)
        from channel in Gen.Elements(Channels)
        from at in Instant
        from amount in Money
        from hasAmount in Gen.Elements(true, false)
        from notes in UnicodeText
        select new Interaction($"C{index}", kind, channel, at)
        {
            Amount = kind switch
            {
                "purchase" => amount,
                "refund" => -amount,
                _ => hasAmount ? amount : null,
            },
            Notes = notes,
        };

    /// <summary>Batches of interactions over a small set of customers.</summary>
    public static Gen<Interaction[][]> Batches(int customers) =>
        InteractionFor(customers).ArrayOf().Where(b => b.Length <= 12).ArrayOf().Where(bs => bs.Length <= 10);

    public static Gen<Customer> Customer(string code) =>
        from name in UnicodeText
        from tags in Gen.SubListOf(TagPool)
        from phone in Gen.Choose(1_000_000, 9_999_999)
        from email in UnicodeText
        from age in Gen.Choose(18, 99)
        from balance in Money
        from born in Instant
        from hobbies in UnicodeText.ListOf().Where(l => l.Count <= 4)
        from optIn in Gen.Elements(true, false)
        select new Customer(code, name)
        {
            Tags = tags.ToArray(),
            ContactPoints = [ContactPoint.Phone($"+86 138 {phone}"), ContactPoint.Email($"{email}@example.com")],
            Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(optIn, born) },
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["occupation"] = AttributeValue.Text(name + " works"),
                ["age"] = AttributeValue.Integer(age),
                ["balance"] = AttributeValue.Decimal(balance),
                ["member"] = AttributeValue.Boolean(optIn),
                ["licensed-on"] = AttributeValue.Date(DateOnly.FromDateTime(born.Date)),
                ["last-visit"] = AttributeValue.Instant(born),
                ["hobbies"] = AttributeValue.TextList(hobbies),
            },
            Owner = "Sales " + (phone % 3),
            Grade = "ABCDEFG"[phone % 7].ToString(),
            Birthday = DateOnly.FromDateTime(born.Date),
        };

    /// <summary>Every time zone this machine knows, including DST zones and odd offsets (Kathmandu, Chatham, Lord Howe).</summary>
    public static readonly string[] TimeZoneIds = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToArray();

    public static Gen<TimeZoneInfo> Zone { get; } = Gen.Elements(TimeZoneIds).Select(TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>Instants within two years of 2026-11-26, where sweeps and care rules are exercised.</summary>
    public static Gen<DateTimeOffset> NearInstant { get; } =
        from minutes in Gen.Choose(-365 * 24 * 60, 365 * 24 * 60)
        from offsetMinutes in Gen.Choose(-14 * 4, 14 * 4)
        select new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero).AddMinutes(minutes).ToOffset(TimeSpan.FromMinutes(offsetMinutes * 15));

    /// <summary>A customer for care: a birthday near the test clock, a time zone, consents granted or withdrawn per channel, maybe a key account.</summary>
    public static Gen<Customer> CareCustomer(string code) =>
        from name in UnicodeText
        from zone in Gen.Elements(TimeZoneIds)
        from birthdayOffset in Gen.Choose(-5, 10)
        from birthYear in Gen.Choose(1950, 2004)
        from consents in Gen.Elements(true, false).ArrayOf(3)
        from consentKnown in Gen.Elements(true, true, false).ArrayOf(3)
        from key in Gen.Elements(true, false)
        from owner in Gen.Elements("Ana", "李", "Omar")
        let birthday = new DateOnly(2026, 11, 26).AddDays(birthdayOffset)
        select new Customer(code, name)
        {
            TimeZone = zone,
            Birthday = new DateOnly(birthYear, birthday.Month, Math.Min(birthday.Day, DateTime.DaysInMonth(birthYear, birthday.Month))),
            Consents = new[] { Channel.Sms, Channel.Phone, Channel.Email }
                .Select((c, i) => (c, i)).Where(x => consentKnown[x.i])
                .ToDictionary(x => x.c, x => new Consent(consents[x.i], new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))),
            Tags = key ? ["key-account"] : [],
            Owner = owner,
        };

    /// <summary>The attribute schema every generated customer fits.</summary>
    public static AttributeSchema Schema { get; } = AttributeSchema.Empty
        .Define("occupation", AttributeType.Text)
        .Define("age", AttributeType.Integer)
        .Define("balance", AttributeType.Decimal)
        .Define("member", AttributeType.Boolean)
        .Define("licensed-on", AttributeType.Date)
        .Define("last-visit", AttributeType.Instant)
        .Define("hobbies", AttributeType.TextList);

    /// <summary>
    /// Files that are not databases: text of every size around the page size (a line, a page less one
    /// byte, several pages), text that starts like a database's header, and random bytes.
    /// </summary>
    public static Gen<byte[]> NotADatabase { get; } =
        Gen.OneOf(
            from size in Gen.Elements(1, 17, 100, 4096, 8191, 8192, 8193, 16_384, 40_000)
            from line in Gen.Elements("name,phone\nLi Wei,+86 138 0000 1001\n", "# notes\n", "{ \"customers\": [] }\n", "李伟 王芳 محمد\n")
            select Text(line, size),
            from size in Gen.Elements(64, 8192, 24_576)
            select Text("\0\0\0\0\u0001** This is a LiteDB file ** not really\n", size),
            from size in Gen.Choose(1, 50_000)
            from seed in Gen.Choose(0, int.MaxValue)
            select RandomBytes(size, seed),
            from pages in Gen.Choose(1, 5)
            from seed in Gen.Choose(0, int.MaxValue)
            select RandomBytes(pages * 8192, seed));

    private static byte[] Text(string line, int size)
    {
        var text = new System.Text.StringBuilder();
        while (System.Text.Encoding.UTF8.GetByteCount(text.ToString()) < size) text.Append(line);
        return System.Text.Encoding.UTF8.GetBytes(text.ToString())[..size];
    }

    private static byte[] RandomBytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

// ---------------------------------------------------------------------------------------------
// Campaigns, cases, contact attempts and priorities (issues 14 and 15).
// ---------------------------------------------------------------------------------------------

/// <summary>Generators for campaign plans, assignments, attribution, cases and contact attempts.</summary>
public static class OperationsGenerators
{
    public static readonly DateTimeOffset CampaignStart = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Customer codes: plain, Unicode and long ones, all distinct within one list.</summary>
    public static Gen<CustomerCode[]> Codes(int count) =>
        from prefix in Gen.Elements("C", "客户-", "عميل ", "🚗")
        select Enumerable.Range(0, count).Select(i => new CustomerCode($"{prefix}{i}")).ToArray();

    public static Gen<string> CampaignId { get; } =
        from word in Gen.Elements("retention", "winback", "upsell", "q4", "renewal")
        from number in Gen.Choose(0, 1_000_000)
        select $"{word}-{number}";

    /// <summary>One to three offers whose shares add up to 1.</summary>
    public static Gen<CampaignOffer[]> Offers { get; } =
        from count in Gen.Choose(1, 3)
        from weights in Gen.Choose(1, 10).ArrayOf(count)
        let total = (double)weights.Sum()
        select weights.Select((w, i) => new CampaignOffer($"offer-{(char)('a' + i)}", $"offer {i}",
            i == count - 1 ? 1 - weights.Take(count - 1).Sum(x => x / total) : w / total)).ToArray();

    public static Gen<double> HoldoutShare { get; } = Gen.Elements(0.0, 0.05, 0.1, 0.2, 0.5, 0.9);

    public static Gen<CampaignPlan> Plan { get; } =
        from offers in Offers
        from holdout in HoldoutShare
        from days in Gen.Choose(1, 60)
        from attribution in Gen.Choose(1, 90)
        select PlanWith(offers, holdout, TimeSpan.FromDays(days), TimeSpan.FromDays(attribution));

    public static CampaignPlan PlanWith(CampaignOffer[] offers, double holdout, TimeSpan length, TimeSpan attribution) => new()
    {
        Name = "Retention",
        Goal = "Keep customers at risk",
        Owner = "am.silva",
        Target = CampaignTarget.OfSegment("at-risk"),
        Offers = offers,
        Channels = [Channel.Phone, Channel.Sms],
        Window = new CampaignWindow(CampaignStart, CampaignStart + length),
        CostPerContact = 1.5m,
        Budget = 10_000m,
        AttributionWindow = attribution,
        Response = new ResponseRule([InteractionKind.CampaignResponse], "accepted", countsPurchase: true),
        HoldoutShare = holdout,
    };

    /// <summary>A lifecycle request: one of the statuses, to be asked of a campaign in turn.</summary>
    public static Gen<CampaignStatus[]> StatusRequests { get; } =
        Gen.Elements(Enum.GetValues<CampaignStatus>()).ArrayOf().Where(a => a.Length <= 12);

    /// <summary>Interactions around an attribution window: kinds that count and do not, at minute offsets before, inside and after it.</summary>
    public static Gen<(string Kind, int Minutes, decimal Amount)[]> AttributionEvents { get; } =
        (from kind in Gen.Elements("campaign-response", "purchase", "refund", "inquiry", "complaint")
         from minutes in Gen.Choose(-3 * 24 * 60, 40 * 24 * 60)
         from amount in Gen.Choose(0, 100_000)
         select (kind, minutes, kind == "refund" ? -amount / 100m : amount / 100m)).ArrayOf().Where(a => a.Length <= 20);

    /// <summary>Case actions, interpreted in order by the case properties.</summary>
    public static Gen<(int Action, int Minutes)[]> CaseActions { get; } =
        (from action in Gen.Choose(0, 9)
         from minutes in Gen.Choose(0, 3 * 24 * 60)
         select (action, minutes)).ArrayOf().Where(a => a.Length <= 25);

    /// <summary>Open tasks that fill (or nearly fill) a channel's cap: priorities, attempted or not, open or done.</summary>
    public static Gen<CareTask[]> CappedTasks { get; } =
        (from priority in Gen.Elements(TaskPriority.Low, TaskPriority.Normal, TaskPriority.High, TaskPriority.Urgent)
         from status in Gen.Elements(CareTaskStatus.Open, CareTaskStatus.Open, CareTaskStatus.Done, CareTaskStatus.Declined)
         from hours in Gen.Choose(0, 24 * 6)
         select (priority, status, hours)).ArrayOf().Where(a => a.Length <= 6)
        .Select(items => items.Select((x, i) => new CareTask
        {
            Id = i + 1,
            Customer = "C1",
            Rule = "rule-" + i,
            OccasionKey = $"rule-{i}:2026",
            Channel = Channel.Phone,
            Due = CampaignStart.AddHours(x.hours),
            ProposedDue = CampaignStart.AddHours(x.hours),
            Priority = x.priority,
            Status = x.status,
            CreatedAt = CampaignStart,
        }).ToArray());
}

// ---------------------------------------------------------------------------------------------
// Loyalty ledger and stage rules (issue 16, items 6 and 7).
// ---------------------------------------------------------------------------------------------

/// <summary>One operation on a points ledger, taken <see cref="Advance"/> after the previous one.</summary>
public sealed record LedgerStep(string Op, long Points, TimeSpan Advance)
{
    public override string ToString() => $"{Op} {Points} after {Advance.TotalDays:0.##}d";
}

/// <summary>A purchase by a referred customer, and whether the engine sees it twice (a re-run).</summary>
public sealed record ReferredPurchase(int DaysFromReferral, bool SeenTwice);

public static class LoyaltyGenerators
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Earn, grant, redeem, adjust (both ways) and bare expiry runs, with gaps from none to a year and a half.</summary>
    public static Gen<LedgerStep> Step { get; } =
        from op in Gen.Elements("earn", "earn", "grant", "redeem", "redeem", "adjust", "expire")
        from points in Gen.OneOf(Gen.Choose(1, 100), Gen.Choose(1, 5_000))
        from sign in Gen.Elements(1, -1)
        from minutes in Gen.OneOf(Gen.Constant(0), Gen.Choose(1, 60 * 24 * 40), Gen.Choose(1, 60 * 24 * 540))
        select new LedgerStep(op, op == "adjust" ? sign * points : points, TimeSpan.FromMinutes(minutes));

    public static Gen<LedgerStep[]> Steps { get; } = Step.ArrayOf().Where(a => a.Length <= 40);

    public static Gen<CrmKit.Loyalty.PointsExpiry> Expiry { get; } =
        Gen.OneOf(
            Gen.Constant(CrmKit.Loyalty.PointsExpiry.Never),
            Gen.Choose(1, 400).Select(d => CrmKit.Loyalty.PointsExpiry.After(TimeSpan.FromDays(d))),
            Gen.Choose(1, 24).Select(CrmKit.Loyalty.PointsExpiry.AfterMonths));

    public static Gen<ReferredPurchase[]> ReferredPurchases { get; } =
        (from days in Gen.Choose(-60, 120)
         from twice in Gen.Elements(true, false)
         select new ReferredPurchase(days, twice)).ArrayOf().Where(a => a.Length <= 8);

    public static Gen<CrmKit.Loyalty.TierPolicy> TierPolicy { get; } =
        from basis in Gen.Elements(CrmKit.Loyalty.TierBasis.Balance, CrmKit.Loyalty.TierBasis.EarnedInWindow, CrmKit.Loyalty.TierBasis.EarnedLifetime)
        from windowDays in Gen.Choose(30, 400)
        from graceDays in Gen.OneOf(Gen.Constant(0), Gen.Choose(1, 120))
        select new CrmKit.Loyalty.TierPolicy(
            [new("silver", 1_000), new("gold", 3_000), new("platinum", 6_000)],
            basis,
            basis == CrmKit.Loyalty.TierBasis.EarnedInWindow ? TimeSpan.FromDays(windowDays) : null,
            TimeSpan.FromDays(graceDays));
}

public static class StageRuleGenerators
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A customer in any stage of the default model, with zero to six purchases spread over up to
    /// five years before <see cref="Now"/>, in that stage since some time up to eight years ago.
    /// </summary>
    public static Gen<CustomerSnapshot> Snapshot(IReadOnlyList<StageId> stages) =>
        from stage in Gen.Elements(stages.ToArray())
        from purchases in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1)), (4, Gen.Choose(2, 6)))
        from lastDaysAgo in Gen.Choose(0, 900)
        from spanDays in Gen.Choose(0, 900)
        from sinceDaysAgo in Gen.Choose(0, 3_000)
        from offsetHours in Gen.Choose(-12, 14)
        let offset = TimeSpan.FromHours(offsetHours)
        let last = Now.AddDays(-lastDaysAgo).ToOffset(offset)
        let first = purchases > 1 ? last.AddDays(-spanDays) : last
        select new CustomerSnapshot(
            new Customer("C0", "李伟") { Stage = stage, StageSince = Now.AddDays(-sinceDaysAgo).ToOffset(offset) },
            purchases == 0
                ? CustomerStats.Empty
                : new CustomerStats { PurchaseCount = purchases, InteractionCount = purchases, FirstPurchaseAt = first, LastPurchaseAt = last });

    /// <summary>A customer's life: purchases (day offsets) and the days sweeps ran, over three years.</summary>
    public static Gen<(int[] Purchases, int[] Sweeps)> Life { get; } =
        from purchases in Gen.Choose(0, 1_100).ArrayOf().Where(a => a.Length <= 10)
        from sweeps in Gen.Choose(0, 1_100).ArrayOf().Where(a => a.Length is > 0 and <= 30)
        select (purchases.Order().ToArray(), sweeps.Distinct().Order().ToArray());
}
