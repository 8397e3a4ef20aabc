using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Loyalty;

namespace CrmKit;

/// <summary>
/// The stored JSON form of the rule settings a database keeps in its configuration: the built-in
/// stage rules (<see cref="StageRuleSettings"/>) and a loyalty programme made of built-in earn
/// rules (<see cref="LoyaltyProgram"/>). Keys are written in a fixed order, so the same settings
/// always give the same text.
/// </summary>
internal static class RuleSettingsJson
{
    internal static JsonObject Write(StageRuleSettings settings)
    {
        var names = settings.Names;
        return new JsonObject
        {
            ["useBuiltIn"] = settings.UseBuiltIn,
            ["decliningFactor"] = settings.DecliningFactor,
            ["churnedFactor"] = settings.ChurnedFactor,
            ["minimumGapDays"] = settings.MinimumGapDays,
            ["names"] = new JsonObject
            {
                ["prospect"] = names.Prospect.Name,
                ["new"] = names.New.Name,
                ["growing"] = names.Growing.Name,
                ["mature"] = names.Mature.Name,
                ["declining"] = names.Declining.Name,
                ["churned"] = names.Churned.Name,
                ["wonBack"] = names.WonBack.Name,
            },
        };
    }

    /// <summary>The settings, or <see cref="StageRuleSettings.None"/> for a configuration stored before stage rules were.</summary>
    internal static StageRuleSettings ReadStageRules(JsonNode? node)
    {
        if (node is null) return StageRuleSettings.None;
        var names = node["names"]!;
        var settings = new StageRuleSettings
        {
            UseBuiltIn = node["useBuiltIn"]!.GetValue<bool>(),
            DecliningFactor = node["decliningFactor"]!.GetValue<double>(),
            ChurnedFactor = node["churnedFactor"]!.GetValue<double>(),
            MinimumGapDays = node["minimumGapDays"]!.GetValue<int>(),
            Names = new StageNames(Text(names, "prospect"), Text(names, "new"), Text(names, "growing"), Text(names, "mature"),
                Text(names, "declining"), Text(names, "churned"), Text(names, "wonBack")),
        };
        settings.Check();
        return settings;
    }

    /// <summary>True when the programme is made of built-in earn rules only, so it can be stored.</summary>
    internal static bool CanStore(LoyaltyProgram program) => program.Rules.All(r => r is PurchasePointsRule or ReferralBonusRule);

    /// <summary>The programme's JSON form; null when it has rules of its own, which cannot be stored.</summary>
    internal static JsonObject? Write(LoyaltyProgram program)
    {
        if (!CanStore(program)) return null;
        var rules = new JsonArray();
        foreach (var rule in program.Rules)
        {
            rules.Add(rule switch
            {
                PurchasePointsRule p => new JsonObject { ["rule"] = "per-amount", ["name"] = p.Name, ["pointsPerUnit"] = p.PointsPerUnit.ToString(CultureInfo.InvariantCulture) },
                ReferralBonusRule r => new JsonObject { ["rule"] = "referral-bonus", ["name"] = r.Name, ["points"] = r.Bonus },
                _ => throw new InvalidOperationException($"Rule '{rule.Name}' cannot be stored."),
            });
        }
        var expiry = program.Expiry;
        var document = new JsonObject
        {
            ["rules"] = rules,
            ["expiry"] = expiry.Months is { } months ? new JsonObject { ["months"] = months }
                : expiry.Period is { } period ? new JsonObject { ["period"] = period.ToString("c", CultureInfo.InvariantCulture) }
                : null,
            ["tiers"] = program.Tiers is { } tiers ? Write(tiers) : null,
        };
        return document;
    }

    private static JsonObject Write(TierPolicy policy)
    {
        var tiers = new JsonArray();
        foreach (var tier in policy.Tiers) tiers.Add(new JsonObject { ["name"] = tier.Name, ["from"] = tier.From });
        return new JsonObject
        {
            ["basis"] = policy.Basis.ToString(),
            ["window"] = policy.Window?.ToString("c", CultureInfo.InvariantCulture),
            ["downgradeGrace"] = policy.DowngradeGrace.ToString("c", CultureInfo.InvariantCulture),
            ["tiers"] = tiers,
        };
    }

    /// <summary>The stored programme, or null when none is stored.</summary>
    internal static LoyaltyProgram? ReadLoyalty(JsonNode? node)
    {
        if (node is null) return null;
        var rules = node["rules"]!.AsArray().Select(r => Text(r!, "rule") switch
        {
            "per-amount" => EarnRules.PerAmount(decimal.Parse(Text(r!, "pointsPerUnit"), NumberStyles.Number, CultureInfo.InvariantCulture), Text(r!, "name")),
            "referral-bonus" => EarnRules.ReferralBonus(r!["points"]!.GetValue<long>(), Text(r!, "name")),
            var other => throw new FormatException($"'{other}' is not a built-in earn rule"),
        }).ToArray();
        var e = node["expiry"];
        var expiry = e is null ? PointsExpiry.Never
            : e["months"] is { } months ? PointsExpiry.AfterMonths(months.GetValue<int>())
            : PointsExpiry.After(Span(e["period"])!.Value);
        TierPolicy? tiers = null;
        if (node["tiers"] is { } t)
        {
            tiers = new TierPolicy(t["tiers"]!.AsArray().Select(x => new MembershipTier(Text(x!, "name"), x!["from"]!.GetValue<long>())),
                Enum.Parse<TierBasis>(Text(t, "basis")), Span(t["window"]), Span(t["downgradeGrace"]));
        }
        return new LoyaltyProgram(rules, expiry, tiers);
    }

    /// <summary>The programme's stored text, for comparing two programmes; null when it cannot be stored.</summary>
    internal static string? Text(LoyaltyProgram? program) => program is null ? null : Write(program)?.ToJsonString();

    private static TimeSpan? Span(JsonNode? node) =>
        node is null ? null : TimeSpan.ParseExact(node.GetValue<string>(), "c", CultureInfo.InvariantCulture);

    private static string Text(JsonNode node, string key) => node[key]?.GetValue<string>() ?? throw new FormatException($"'{key}' is missing");
}
