using System.Globalization;

namespace CrmKit;

/// <summary>
/// One offer (variant) of a campaign: a code, what it is, its share of the treated audience and,
/// optionally, the rule that decides who may get it. Immutable; checked when created.
/// </summary>
public sealed record CampaignOffer
{
    /// <summary>The code reserved for the held-out part of the audience; no offer may use it.</summary>
    public const string HoldoutCode = "holdout";

    /// <summary>Creates an offer.</summary>
    /// <param name="code">A short lower-case code such as <c>discount-10</c>; unique within the campaign and not <c>holdout</c>.</param>
    /// <param name="description">What the offer is, in words.</param>
    /// <param name="share">Its share of the treated (not held-out) audience, greater than 0 and at most 1; the shares of a campaign's offers add up to 1.</param>
    /// <param name="eligibility">The stored segment or script that decides who may get this offer; null means every target customer may.</param>
    /// <exception cref="CrmValidationException">A value is missing, malformed or out of range.</exception>
    public CampaignOffer(string code, string description, double share, string? eligibility = null)
    {
        Code = Require.Identifier(code, "offer.code");
        if (code == HoldoutCode) throw new CrmValidationException("offer.code", $"'{HoldoutCode}' is reserved for the held-out group.");
        Description = Require.OptionalText(description ?? throw new CrmValidationException($"offers.{code}.description", "is required but was null."), $"offers.{code}.description")!;
        if (!(share > 0 && share <= 1))
            throw new CrmValidationException($"offers.{code}.share", $"{share.ToString(CultureInfo.InvariantCulture)} is not greater than 0 and at most 1.");
        Share = share;
        Eligibility = eligibility is null ? null : Require.Identifier(eligibility, $"offers.{code}.eligibility");
    }

    /// <summary>The offer's code.</summary>
    public string Code { get; }

    /// <summary>What the offer is.</summary>
    public string Description { get; }

    /// <summary>Its share of the treated audience (0 &lt; share ≤ 1).</summary>
    public double Share { get; }

    /// <summary>The stored segment or script that decides who may get the offer; null for everyone in the target.</summary>
    public string? Eligibility { get; }
}
