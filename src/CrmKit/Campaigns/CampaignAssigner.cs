using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CrmKit;

/// <summary>
/// Assigns customers to a campaign's holdout or offers: random, but the same on every run, machine
/// and .NET version, because the draw comes from SHA-256 of the campaign id and customer code
/// (never from <c>string.GetHashCode</c>, which is randomised per process).
/// </summary>
/// <remarks>
/// The hash gives two independent uniform numbers in [0, 1). The first decides the holdout: below
/// <see cref="CampaignPlan.HoldoutShare"/> means held out. The second picks the offer by
/// cumulative share among the offers the customer is eligible for (shares scaled to add up to 1).
/// Eligibility therefore never moves a customer into or out of the holdout.
/// </remarks>
internal static class CampaignAssigner
{
    /// <summary>The customer's arm, or null when they are eligible for none of the offers (then they are not in the audience).</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="at">The assignment instant.</param>
    /// <param name="eligible">Decides whether the customer may get an offer; null means every offer.</param>
    internal static CampaignAssignment? Assign(Campaign campaign, CustomerCode customer, DateTimeOffset at, Func<CampaignOffer, bool>? eligible = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var offers = eligible is null ? campaign.Plan.Offers : campaign.Plan.Offers.Where(eligible).ToArray();
        if (offers.Count == 0) return null;
        var (holdoutDraw, offerDraw) = Draws(campaign.Id, customer);
        if (holdoutDraw < campaign.Plan.HoldoutShare) return new(campaign.Id, customer, null, at);
        var total = offers.Sum(o => o.Share);
        var point = offerDraw * total;
        var cumulative = 0.0;
        foreach (var offer in offers)
        {
            cumulative += offer.Share;
            if (point < cumulative) return new(campaign.Id, customer, offer.Code, at);
        }
        return new(campaign.Id, customer, offers[^1].Code, at);
    }

    /// <summary>Two uniform numbers in [0, 1) from SHA-256 of the UTF-8 text <c>campaign \u001F customer</c>, 53 bits each.</summary>
    internal static (double Holdout, double Offer) Draws(string campaign, CustomerCode customer)
    {
        var text = campaign + "\u001F" + customer.Value;
        Span<byte> input = text.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(text.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var length = Encoding.UTF8.GetBytes(text, input);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..length], hash);
        return (Unit(BinaryPrimitives.ReadUInt64BigEndian(hash)), Unit(BinaryPrimitives.ReadUInt64BigEndian(hash[8..])));
    }

    private static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
