namespace CrmKit;

/// <summary>A customer's usual gap between purchases, the yardstick the lapse rules measure silence against.</summary>
internal static class PurchaseRhythm
{
    /// <summary>
    /// First to last purchase divided by the gaps between purchases, but never less than
    /// <paramref name="minimum"/> (two purchases on one day would otherwise make a day's silence
    /// a lapse); null with fewer than two purchases.
    /// </summary>
    internal static TimeSpan? UsualGap(CustomerStats stats, TimeSpan minimum)
    {
        if (stats.PurchaseCount < 2 || stats.FirstPurchaseAt is not { } first || stats.LastPurchaseAt is not { } last) return null;
        var usual = (last - first) / (stats.PurchaseCount - 1);
        return usual < minimum ? minimum : usual;
    }
}
