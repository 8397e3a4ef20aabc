using System.Globalization;
using CrmKit;
using CrmKit.Loyalty;

namespace CrmKit.Samples;

/// <summary>
/// The owners' membership scheme on the loyalty ledger: one point per 100 yuan of each purchase,
/// 500 bonus points to the referrer when the referred customer first buys, points valid for two
/// years, and tiers by the points earned over a membership (silver, gold, platinum). The database
/// earns the points as purchases are recorded; this only names the programme and prints moves.
/// </summary>
internal static class Membership
{
    /// <summary>The tiers, lowest first, with the points each starts at.</summary>
    public static readonly MembershipTier[] Tiers = [new("silver", 1_000), new("gold", 3_000), new("platinum", 6_000)];

    /// <summary>The programme the dealership's database runs.</summary>
    public static LoyaltyProgram Program { get; } = new(
        [EarnRules.PerAmount(0.01m), EarnRules.ReferralBonus(500)],
        PointsExpiry.AfterMonths(24),
        new TierPolicy(Tiers, TierBasis.EarnedLifetime));

    /// <summary>The scheme in one sentence.</summary>
    public static string Describe() =>
        "1 point per 100 yuan of each purchase, 500 bonus points to the referrer when the referred customer first buys, points valid for 24 months; "
        + string.Join(", ", Tiers.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} from {t.From:N0} points earned"))) + ".";

    /// <summary>The tier moves a customer made that were not printed yet, as lines to print.</summary>
    public static IEnumerable<string> NewMoves(CrmDatabase crm, CustomerCode code, Dictionary<CustomerCode, int> printed)
    {
        var history = crm.Loyalty.Account(code).TierHistory;
        var from = printed.GetValueOrDefault(code);
        printed[code] = history.Count;
        return history.Skip(from).Select(c => string.Create(CultureInfo.InvariantCulture,
            $"Membership: {code} moves {(Rank(c.To) > Rank(c.From) ? "up" : "down")} from {c.From ?? "no tier"} to {c.To ?? "no tier"} ({c.Points:N0} points)."));
    }

    /// <summary>The customer's tier rank (0 for none, 1 for silver, ...).</summary>
    public static int Rank(string? tier) => tier is null ? 0 : Array.FindIndex(Tiers, t => t.Name == tier) + 1;
}
