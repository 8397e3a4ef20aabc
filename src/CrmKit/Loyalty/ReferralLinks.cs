using CrmKit.Storage;

namespace CrmKit.Loyalty;

/// <summary>The rules referral links keep as they are recorded and as customers merge.</summary>
internal static class ReferralLinks
{
    /// <summary>
    /// Refuses a referral that would close a circle (the referrer was brought in, directly or
    /// through others, by the customer they refer): credit could then chase its own tail, and
    /// writers crediting along the circle could wait on each other.
    /// </summary>
    /// <exception cref="CrmValidationException">The referral would close a circle.</exception>
    internal static async ValueTask CheckNoCircleAsync(ILoyaltyStore store, Referral referral, CancellationToken ct)
    {
        if (await ClosesCircleAsync(store, referral, ct).ConfigureAwait(false))
            throw new CrmValidationException("referred", $"'{referral.Referred}' brought '{referral.Referrer}' in, directly or through others; referrals cannot go round in a circle.");
    }

    private static async ValueTask<bool> ClosesCircleAsync(ILoyaltyStore store, Referral referral, CancellationToken ct)
    {
        var seen = new HashSet<CustomerCode> { referral.Referrer };
        for (var up = referral.Referrer; await store.ReferralOfAsync(up, ct).ConfigureAwait(false) is { } above; up = above.Referrer)
        {
            if (above.Referrer == referral.Referred) return true;
            if (!seen.Add(above.Referrer)) return false;
        }
        return false;
    }

    /// <summary>
    /// Credits the referrer of a referral entered after its referred customer had already bought:
    /// the rules are asked about the first purchase at or after the referral, as if it were recorded
    /// now, and only what they award the referrer is kept.
    /// </summary>
    internal static async ValueTask CreditLateAsync(CrmContext context, IStoreSession store, LoyaltyProgram program, Referral referral, CancellationToken ct)
    {
        var purchase = (await store.Interactions.OfAsync(referral.Referred, ct).ConfigureAwait(false))
            .Where(i => context.Options.PurchaseKinds.Contains(i.Kind) && referral.ConvertedBy(i.OccurredAt))
            .OrderBy(i => i.OccurredAt.UtcTicks).ThenBy(i => i.Id).FirstOrDefault();
        if (purchase is null) return;
        var ledgers = new Ledgers(store, program.Expiry, context.Store.Location);
        await LoyaltyEarning.CreditAsync(store, program, new EarnContext(purchase, true, referral), ledgers, [referral.Referred], context.Now,
            code => code == referral.Referrer, ct).ConfigureAwait(false);
        await ledgers.SaveAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the merged customer's referrals to the survivor: the ones it made become the
    /// survivor's; the one that brought it in becomes the survivor's unless the survivor has its own
    /// (a customer is referred once). A link between the two merged customers is dropped, since a
    /// customer does not refer themself, and so is a link the merge would make close a circle.
    /// </summary>
    internal static async ValueTask MoveAsync(ILoyaltyStore store, CustomerCode survivor, CustomerCode merged, CancellationToken ct)
    {
        foreach (var made in await store.ReferralsByAsync(merged, ct).ConfigureAwait(false))
        {
            await store.RemoveReferralAsync(made.Referred, ct).ConfigureAwait(false);
            if (made.Referred != survivor) await AddUnlessCircleAsync(store, new Referral(survivor, made.Referred, made.At, made.Staff), ct).ConfigureAwait(false);
        }
        if (await store.ReferralOfAsync(merged, ct).ConfigureAwait(false) is { } brought)
        {
            await store.RemoveReferralAsync(merged, ct).ConfigureAwait(false);
            if (brought.Referrer != survivor && await store.ReferralOfAsync(survivor, ct).ConfigureAwait(false) is null)
                await AddUnlessCircleAsync(store, new Referral(brought.Referrer, survivor, brought.At, brought.Staff), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Adds a link a merge carries over, unless the merge made it close a circle (then it is dropped).</summary>
    private static async ValueTask AddUnlessCircleAsync(ILoyaltyStore store, Referral referral, CancellationToken ct)
    {
        if (!await ClosesCircleAsync(store, referral, ct).ConfigureAwait(false)) await store.AddReferralAsync(referral, ct).ConfigureAwait(false);
    }
}
