using System.Globalization;

namespace CrmKit;

/// <summary>
/// What a campaign intends: name, goal and owner; the target; the offers with their shares; the
/// channels and window; cost per contact and budget; the attribution window and what counts as a
/// response; and the share of the audience held out to measure the effect. Every property is
/// checked when it is set (also through <c>with</c>), so a plan is always valid. Immutable.
/// </summary>
public sealed record CampaignPlan
{
    /// <summary>The default share of the audience held out: 10%.</summary>
    public const double DefaultHoldoutShare = 0.10;

    /// <summary>The campaign's name, such as <c>Q4 retention</c>.</summary>
    public required string Name { get; init => field = Require.Name(value, "plan.name"); }

    /// <summary>What the campaign should achieve, in words.</summary>
    public required string Goal { get; init => field = Require.OptionalText(value ?? throw new CrmValidationException("plan.goal", "is required but was null."), "plan.goal")!; }

    /// <summary>Who is responsible for it.</summary>
    public required string Owner { get; init => field = Require.Name(value, "plan.owner"); }

    /// <summary>Who it is for.</summary>
    public required CampaignTarget Target { get; init => field = value ?? throw new CrmValidationException("plan.target", "is required but was null."); }

    /// <summary>The offers (variants): at least one, codes unique, shares adding up to 1.</summary>
    public required IReadOnlyList<CampaignOffer> Offers { get; init => field = CheckOffers(value); }

    /// <summary>The channels contacts are made on: at least one, no repeats.</summary>
    public required IReadOnlyList<Channel> Channels { get; init => field = CheckChannels(value); }

    /// <summary>When the campaign runs.</summary>
    public required CampaignWindow Window { get; init => field = value == default ? throw new CrmValidationException("plan.window", "is required but was empty.") : value; }

    /// <summary>What one contact costs, in the application's currency; 0 or more.</summary>
    public decimal CostPerContact { get; init => field = NonNegative(value, "plan.costPerContact"); }

    /// <summary>The most the campaign may spend on contacts; 0 or more.</summary>
    public decimal Budget { get; init => field = NonNegative(value, "plan.budget"); }

    /// <summary>
    /// How long after a customer is assigned a response still counts: from the assignment instant
    /// (inclusive) to that instant plus this span (exclusive). Positive, at most 3 650 days; 30 days unless set.
    /// </summary>
    public TimeSpan AttributionWindow
    {
        get;
        init => field = value > TimeSpan.Zero && value <= TimeSpan.FromDays(3650)
            ? value
            : throw new CrmValidationException("plan.attributionWindow", $"{value} is not positive and at most 3650 days.");
    } = TimeSpan.FromDays(30);

    /// <summary>What counts as a response.</summary>
    public required ResponseRule Response { get; init => field = value ?? throw new CrmValidationException("plan.response", "is required but was null."); }

    /// <summary>The share of the audience held out (never contacted by the campaign), from 0 up to but not including 1; <see cref="DefaultHoldoutShare"/> unless set.</summary>
    public double HoldoutShare
    {
        get;
        init => field = value >= 0 && value < 1
            ? value
            : throw new CrmValidationException("plan.holdoutShare", $"{value.ToString(CultureInfo.InvariantCulture)} is not at least 0 and less than 1.");
    } = DefaultHoldoutShare;

    /// <summary>The offer with <paramref name="code"/>, or null.</summary>
    public CampaignOffer? Offer(string code) => Offers.FirstOrDefault(o => o.Code == code);

    /// <summary>The cost of <paramref name="contacts"/> contacts at <see cref="CostPerContact"/>.</summary>
    public decimal CostOf(int contacts) => CostPerContact * contacts;

    private static CampaignOffer[] CheckOffers(IReadOnlyList<CampaignOffer>? offers)
    {
        if (offers is null) throw new CrmValidationException("plan.offers", "is required but was null.");
        var list = offers.ToArray();
        if (list.Length == 0) throw new CrmValidationException("plan.offers", "is empty; a campaign needs at least one offer.");
        if (list.Any(o => o is null)) throw new CrmValidationException("plan.offers", "contain a null offer.");
        var repeated = list.GroupBy(o => o.Code).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new CrmValidationException("plan.offers", $"use the code '{repeated.Key}' more than once.");
        var sum = list.Sum(o => o.Share);
        if (Math.Abs(sum - 1) > 1e-9)
            throw new CrmValidationException("plan.offers", $"shares add up to {sum.ToString("R", CultureInfo.InvariantCulture)}, not 1.");
        return list;
    }

    private static Channel[] CheckChannels(IReadOnlyList<Channel>? channels)
    {
        if (channels is null) throw new CrmValidationException("plan.channels", "is required but was null.");
        var list = channels.ToArray();
        if (list.Length == 0) throw new CrmValidationException("plan.channels", "is empty; a campaign needs at least one channel.");
        if (list.Any(c => c == default)) throw new CrmValidationException("plan.channels", "contain an empty channel.");
        var repeated = list.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new CrmValidationException("plan.channels", $"name '{repeated.Key}' more than once.");
        return list;
    }

    private static decimal NonNegative(decimal value, string field) =>
        Require.Amount(value, field) >= 0 ? value : throw new CrmValidationException(field, $"{value} is negative.");

    /// <summary>Equal when every field is equal, offers and channels in the same order.</summary>
    public bool Equals(CampaignPlan? other) =>
        other is not null && Name == other.Name && Goal == other.Goal && Owner == other.Owner && Target.Equals(other.Target)
        && Offers.SequenceEqual(other.Offers) && Channels.SequenceEqual(other.Channels) && Window == other.Window
        && CostPerContact == other.CostPerContact && Budget == other.Budget && AttributionWindow == other.AttributionWindow
        && Response.Equals(other.Response) && HoldoutShare.Equals(other.HoldoutShare);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Owner, Window, Offers.Count);
}
