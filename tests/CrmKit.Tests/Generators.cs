using FsCheck;
using FsCheck.Fluent;

namespace CrmKit.Tests;

/// <summary>
/// The generators of this project beside the store contract's (customers, interactions, instants:
/// <c>tests/Shared/StoreContract/Generators.cs</c>, compiled into every project that runs the contract).
/// </summary>
public static partial class Generators
{
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
