using System.Text.RegularExpressions;
using CrmKit.Loyalty;
using CrmKit.Tests.Docs;

namespace CrmKit.Tests.Loyalty;

/// <summary>The code shown in docs/loyalty.md, run as a test; every block of the page must appear here.</summary>
public partial class LoyaltyDocsTests
{
    [Fact]
    public void The_programme_on_the_page_builds()
    {
        var program = new LoyaltyProgram(
            [EarnRules.PerAmount(0.01m), EarnRules.ReferralBonus(500)],
            PointsExpiry.AfterMonths(24),
            new TierPolicy(
                [new MembershipTier("silver", 1_000), new MembershipTier("gold", 3_000), new MembershipTier("platinum", 6_000)],
                TierBasis.EarnedInWindow, window: TimeSpan.FromDays(365), downgradeGrace: TimeSpan.FromDays(90)));

        Assert.Equal(["purchase-points", "referral-bonus"], program.Rules.Select(r => r.Name));
        Assert.Equal(3, program.Tiers!.Tiers.Count);
    }

    [Fact]
    public void The_book_on_the_page_earns_credits_redeems_and_reports()
    {
        var program = new LoyaltyProgram([EarnRules.PerAmount(0.01m), EarnRules.ReferralBonus(500)], PointsExpiry.AfterMonths(24));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.FromHours(8)));

        using var crm = CrmDatabase.Open(CrmOptions.InMemory() with { Loyalty = program, TimeProvider = clock });
        crm.Customers.Create(new Customer("D-001", "王芳"));
        crm.Customers.Create(new Customer("D-006", "孙丽"));
        crm.Loyalty.Refer("D-001", "D-006", staff: "sales.li");
        crm.Interactions.Record(new Interaction("D-006", InteractionKind.Purchase, Channel.Store, clock.GetUtcNow()) { Amount = 268_000m });

        LoyaltyAccount referrer = crm.Loyalty.Account("D-001");          // 500 points: the referral converted
        crm.Loyalty.Redeem("D-006", 1_000, reward: "car-wash", actor: "desk.li");
        IReadOnlyList<ReferralConversion> byStaff = crm.Loyalty.ConversionByStaff();

        Assert.Equal(500, referrer.Balance);
        Assert.Equal(2_680 - 1_000, crm.Loyalty.Balance("D-006"));
        Assert.Equal([new ReferralConversion("sales.li", 1, 1)], byStaff);
    }

    [Fact]
    public void Every_code_block_of_the_loyalty_page_is_taken_from_a_running_test()
    {
        var root = DocsSnippetTests.RepositoryRoot();
        var page = File.ReadAllText(Path.Combine(root, "docs", "loyalty.md"));
        var source = Normalize(File.ReadAllText(Path.Combine(root, "tests", "CrmKit.Tests", "Loyalty", "LoyaltyDocsTests.cs")));
        var blocks = CodeBlock().Matches(page).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.True(source.Contains(Normalize(block), StringComparison.Ordinal), "not in LoyaltyDocsTests.cs:\n" + block));
    }

    [Fact]
    public void The_dealership_scheme_on_the_ledger_gives_the_samples_tiers()
    {
        var program = new LoyaltyProgram([EarnRules.PerAmount(0.01m), EarnRules.ReferralBonus(500)]);
        var tiers = new TierPolicy([new("silver", 1_000), new("gold", 3_000), new("platinum", 6_000)], TierBasis.EarnedLifetime);
        var at = new DateTimeOffset(2026, 1, 20, 14, 0, 0, TimeSpan.FromHours(8));
        var ledgers = new Dictionary<CustomerCode, PointsLedger>();
        PointsLedger Of(CustomerCode c) => ledgers.TryGetValue(c, out var l) ? l : PointsLedger.Empty(c, program.Expiry);
        var referral = new Referral("D-001", "D-006", at.AddDays(100), "sales.li");
        (string Code, decimal Price, int Day)[] deliveries =
            [("D-001", 328_000m, 0), ("D-004", 356_000m, 0), ("D-003", 118_000m, 14), ("D-002", 109_000m, 96), ("D-001", 296_000m, 140), ("D-006", 268_000m, 150)];
        var id = 0L;
        foreach (var (code, price, day) in deliveries)
        {
            var purchase = new Interaction(code, InteractionKind.Purchase, Channel.Store, at.AddDays(day)) { Amount = price, Id = ++id };
            var context = new EarnContext(purchase, true, code == "D-006" ? referral : null);
            foreach (var (beneficiary, update) in program.Credit(context, Of, purchase.OccurredAt, "loyalty"))
                ledgers[beneficiary] = update.Ledger;
        }

        string? TierOf(string code) => TierTimeline.TierAt(TierTimeline.History(code, ledgers[code].Entries, tiers, at.AddDays(365)));
        Assert.Equal(3_280 + 2_960 + 500, ledgers["D-001"].Balance);
        Assert.Equal(("platinum", "gold", "silver", "silver", "silver"), (TierOf("D-001"), TierOf("D-004"), TierOf("D-003"), TierOf("D-002"), TierOf("D-006")));
    }

    private static string Normalize(string code) => string.Join("\n", code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
