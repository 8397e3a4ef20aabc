using CrmKit.Storage;

namespace CrmKit.Loyalty;

/// <summary>
/// A merge's part in loyalty: the merged customer's ledger entries and referrals move to the
/// survivor. The two ledgers become one by replaying what was earned, redeemed and adjusted on
/// both, in time order, into the survivor's ledger; the expiries are worked out again on the
/// combined lots (oldest first), so the balance is still the sum of the entries and never below zero.
/// </summary>
internal static class LedgerMerge
{
    internal static async ValueTask MoveAsync(CrmContext context, IStoreSession store, CustomerCode survivor, CustomerCode merged, DateTimeOffset now, CancellationToken ct)
    {
        var theirs = await store.Loyalty.EntriesOfAsync(merged, ct).ConfigureAwait(false);
        if (theirs.Count > 0)
        {
            var ours = await store.Loyalty.EntriesOfAsync(survivor, ct).ConfigureAwait(false);
            var combined = Combine(survivor, merged, ours, theirs, context.Options.Loyalty?.Expiry ?? PointsExpiry.Never, now);
            await store.Loyalty.ReplaceAsync(survivor, combined.Entries, ct).ConfigureAwait(false);
            await store.Loyalty.ReplaceAsync(merged, [], ct).ConfigureAwait(false);
        }
        await ReferralLinks.MoveAsync(store.Loyalty, survivor, merged, ct).ConfigureAwait(false);
    }

    /// <summary>One ledger of <paramref name="survivor"/> holding what both ledgers earned, spent and adjusted, with the expiries due by <paramref name="now"/>.</summary>
    /// <exception cref="CrmValidationException">The two cannot be combined without spending below zero; nothing is written.</exception>
    internal static PointsLedger Combine(CustomerCode survivor, CustomerCode merged, IReadOnlyList<LedgerEntry> ours, IReadOnlyList<LedgerEntry> theirs,
        PointsExpiry expiry, DateTimeOffset now)
    {
        var primary = ours.Select((e, i) => (Entry: e, Side: 0, Index: i))
            .Concat(theirs.Select((e, i) => (Entry: e, Side: 1, Index: i)))
            .Where(x => x.Entry.Kind != LedgerEntryKind.Expired)
            .OrderBy(x => x.Entry.At.UtcTicks).ThenBy(x => x.Side).ThenBy(x => x.Index);
        var ledger = PointsLedger.Empty(survivor, expiry);
        try
        {
            foreach (var (e, _, _) in primary)
            {
                ledger = (e.Kind switch
                {
                    LedgerEntryKind.Earned when e.Rule is { } rule => ledger.Earn(e.Points, e.At, e.Source, rule, e.Actor, e.Note),
                    LedgerEntryKind.Earned => ledger.Grant(e.Points, e.At, e.Source.Reference, e.Actor, e.Note),
                    LedgerEntryKind.Redeemed => ledger.Redeem(-e.Points, e.At, e.Source.Reference, e.Actor, e.Note),
                    _ => ledger.Adjust(e.Points, e.At, e.Source.Reference, e.Actor, e.Note),
                }).Ledger;
            }
        }
        catch (InsufficientPointsException e)
        {
            throw new CrmValidationException("merged", $"the points ledgers of '{survivor}' and '{merged}' cannot be combined: {e.Message}");
        }
        return ledger.ExpireDue(ledger.LastAt is { } last && last > now ? last : now).Ledger;
    }
}
