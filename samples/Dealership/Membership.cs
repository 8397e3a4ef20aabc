using System.Globalization;
using CrmKit;

namespace CrmKit.Samples;

/// <summary>
/// The owners' membership scheme: one point per 100 yuan spent, 500 bonus points per referral
/// credited to the referrer, and tiers by points. Each tier is a scripted segment, so a refresh
/// moves customers up as they earn.
/// </summary>
internal static class Membership
{
    /// <summary>Points per yuan spent.</summary>
    public const decimal PointsPerYuan = 0.01m;

    /// <summary>Bonus points for each referral the customer made.</summary>
    public const int ReferralBonus = 500;

    /// <summary>The tiers, lowest first, with the points each starts at.</summary>
    public static readonly (string Segment, string Name, int From)[] Tiers =
        [("member-silver", "silver", 1_000), ("member-gold", "gold", 3_000), ("member-platinum", "platinum", 6_000)];

    private const string PointsExpression = "(Customer.MonetaryTotal * 0.01m + 500 * Customer.CountOfKind(\"referral\"))";

    /// <summary>Defines one segment per tier.</summary>
    public static void Define(CrmDatabase crm)
    {
        for (var i = 0; i < Tiers.Length; i++)
        {
            var (segment, name, from) = Tiers[i];
            var below = i + 1 < Tiers.Length ? Tiers[i + 1].From : (int?)null;
            var expression = string.Create(CultureInfo.InvariantCulture, $"{PointsExpression} >= {from}")
                + (below is { } b ? string.Create(CultureInfo.InvariantCulture, $" && {PointsExpression} < {b}") : "");
            var range = below is { } top ? $"{from:N0} to {top - 1:N0} points" : $"{from:N0} points and more";
            crm.Segments.Define(new SegmentDefinition(segment, $"{name} members: {range}", expression));
        }
    }

    /// <summary>A customer's points from their stats: spend and referrals.</summary>
    public static decimal Points(CustomerStats stats) =>
        decimal.Floor(stats.MonetaryTotal * PointsPerYuan) + ReferralBonus * stats.CountsByKind.GetValueOrDefault("referral");

    /// <summary>The tier name a customer is in now, or null when below the first threshold.</summary>
    public static string? TierOf(CrmDatabase crm, CustomerCode code)
    {
        var segments = crm.Segments.Of(code).Select(m => m.Segment).ToHashSet(StringComparer.Ordinal);
        return Tiers.Where(t => segments.Contains(t.Segment)).Select(t => t.Name).LastOrDefault();
    }

    /// <summary>The customer's tier rank (0 for none, 1 for silver, ...).</summary>
    public static int Rank(string? tier) => tier is null ? 0 : Array.FindIndex(Tiers, t => t.Name == tier) + 1;
}
