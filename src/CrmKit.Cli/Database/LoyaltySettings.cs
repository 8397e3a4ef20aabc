using System.Text.Json.Serialization;
using CrmKit.Loyalty;

namespace CrmKit.Cli;

/// <summary>
/// The loyalty programme as written in the settings file (<c>"loyalty"</c>): points per unit of a
/// purchase's amount, the referrer's bonus, how long points stay valid, and the membership tiers.
/// Only the built-in earn rules can be written here; a programme with rules of an application's own
/// is set in code.
/// </summary>
internal sealed record LoyaltySettings
{
    /// <summary>Points per unit of a purchase's amount, rounded down per purchase (0.01: one point per 100); no purchase points when absent.</summary>
    [JsonPropertyName("pointsPerUnit")]
    public decimal? PointsPerUnit { get; init; }

    /// <summary>Points the referrer earns when a referred customer first buys; no referral bonus when absent.</summary>
    [JsonPropertyName("referralBonus")]
    public long? ReferralBonus { get; init; }

    /// <summary>Points expire this many calendar months after they were earned.</summary>
    [JsonPropertyName("expiryMonths")]
    public int? ExpiryMonths { get; init; }

    /// <summary>Points expire this many days after they were earned.</summary>
    [JsonPropertyName("expiryDays")]
    public int? ExpiryDays { get; init; }

    /// <summary>The membership tiers, each with the points it starts at.</summary>
    [JsonPropertyName("tiers")]
    public List<TierSettings>? Tiers { get; init; }

    /// <summary>Which points count for tiers: <c>balance</c>, <c>earned-in-window</c> or <c>earned-lifetime</c> (the default).</summary>
    [JsonPropertyName("tierBasis")]
    public string? TierBasis { get; init; }

    /// <summary>For <c>earned-in-window</c>: how many days back earned points count.</summary>
    [JsonPropertyName("tierWindowDays")]
    public int? TierWindowDays { get; init; }

    /// <summary>How many days points must stay below a tier before the customer moves down (0 by default).</summary>
    [JsonPropertyName("downgradeGraceDays")]
    public int? DowngradeGraceDays { get; init; }

    /// <summary>The settings that write <paramref name="program"/>, or null when it has rules of its own.</summary>
    internal static LoyaltySettings? From(LoyaltyProgram? program)
    {
        if (program is null || program.Rules.Any(r => r is not (PurchasePointsRule or ReferralBonusRule))) return null;
        var tiers = program.Tiers;
        return new LoyaltySettings
        {
            PointsPerUnit = program.Rules.OfType<PurchasePointsRule>().FirstOrDefault()?.PointsPerUnit,
            ReferralBonus = program.Rules.OfType<ReferralBonusRule>().FirstOrDefault()?.Bonus,
            ExpiryMonths = program.Expiry.Months,
            ExpiryDays = program.Expiry.Period is { } period ? (int)period.TotalDays : null,
            Tiers = tiers?.Tiers.Select(t => new TierSettings { Name = t.Name, From = t.From }).ToList(),
            TierBasis = tiers is null ? null : CareNames.Name(tiers.Basis),
            TierWindowDays = tiers?.Window is { } window ? (int)window.TotalDays : null,
            DowngradeGraceDays = tiers is null ? null : (int)tiers.DowngradeGrace.TotalDays,
        };
    }

    /// <exception cref="CrmValidationException">A value is out of range or two settings contradict each other; the field names the key.</exception>
    internal LoyaltyProgram ToProgram()
    {
        try
        {
            var rules = new List<IEarnRule>();
            if (PointsPerUnit is { } rate) rules.Add(EarnRules.PerAmount(rate));
            if (ReferralBonus is { } bonus) rules.Add(EarnRules.ReferralBonus(bonus));
            if (ExpiryMonths is not null && ExpiryDays is not null)
                throw new CrmValidationException("expiryDays", "is given with expiryMonths; give one of them.");
            var expiry = ExpiryMonths is { } months ? PointsExpiry.AfterMonths(months)
                : ExpiryDays is { } days ? PointsExpiry.After(TimeSpan.FromDays(Days(days, "expiryDays")))
                : PointsExpiry.Never;
            TierPolicy? policy = null;
            if (Tiers is { Count: > 0 })
            {
                var basis = TierBasis is null ? Loyalty.TierBasis.EarnedLifetime
                    : Enum.GetValues<TierBasis>().FirstOrDefault(b => CareNames.Name(b) == TierBasis, (TierBasis)(-1));
                if (!Enum.IsDefined(basis)) throw new CrmValidationException("tierBasis", $"'{TierBasis}' is not balance, earned-in-window or earned-lifetime.");
                policy = new TierPolicy(Tiers.Select((t, i) => new MembershipTier(t.Name ?? throw new CrmValidationException($"tiers[{i}].name", "is required."), t.From)),
                    basis, TierWindowDays is { } window ? TimeSpan.FromDays(Days(window, "tierWindowDays")) : null,
                    TimeSpan.FromDays(DowngradeGraceDays ?? 0));
            }
            return new LoyaltyProgram(rules, expiry, policy);
        }
        catch (CrmValidationException e)
        {
            throw e.Under("loyalty");
        }
    }

    private static int Days(int days, string key) =>
        days is >= 1 and <= 36_500 ? days : throw new CrmValidationException(key, $"{days} is outside 1 to 36500.");
}

/// <summary>One membership tier in the settings file.</summary>
internal sealed record TierSettings
{
    /// <summary>The tier's name, for example <c>gold</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The points the tier starts at.</summary>
    [JsonPropertyName("from")]
    public long From { get; init; }
}
