namespace CrmKit.Loyalty;

/// <summary>
/// Referral conversion per referrer and per member of staff, computed from the referrals and each
/// referred customer's latest purchase: a referral has converted when that purchase is at or after
/// it. Pure; the figures are sorted by key (ordinal).
/// </summary>
internal static class ReferralFigures
{
    /// <summary>Conversion per referrer.</summary>
    /// <exception cref="CrmValidationException">A customer is referred more than once.</exception>
    internal static IReadOnlyList<ReferralConversion> ByReferrer(IEnumerable<Referral> referrals, Func<CustomerCode, DateTimeOffset?> lastPurchase) =>
        Figures(Checked(referrals), r => r.Referrer.Value, lastPurchase);

    /// <summary>Conversion per member of staff; referrals taken by nobody in particular are left out.</summary>
    /// <exception cref="CrmValidationException">A customer is referred more than once.</exception>
    internal static IReadOnlyList<ReferralConversion> ByStaff(IEnumerable<Referral> referrals, Func<CustomerCode, DateTimeOffset?> lastPurchase) =>
        Figures(Checked(referrals).Where(r => r.Staff is not null).ToArray(), r => r.Staff!, lastPurchase);

    /// <summary>True when <paramref name="referral"/> has converted, given the referred customer's latest purchase.</summary>
    internal static bool Converted(Referral referral, DateTimeOffset? lastPurchase) => lastPurchase is { } at && referral.ConvertedBy(at);

    private static ReferralConversion[] Figures(IReadOnlyList<Referral> referrals, Func<Referral, string> key, Func<CustomerCode, DateTimeOffset?> lastPurchase)
    {
        ArgumentNullException.ThrowIfNull(lastPurchase);
        return referrals
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReferralConversion(g.Key, g.Count(), g.Count(r => Converted(r, lastPurchase(r.Referred)))))
            .ToArray();
    }

    private static Referral[] Checked(IEnumerable<Referral> referrals)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        var list = referrals.Select((r, i) => r ?? throw new CrmValidationException($"referrals[{i}]", "is null.")).ToArray();
        var twice = list.GroupBy(r => r.Referred).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new CrmValidationException("referred", $"'{twice.Key}' is referred by {string.Join(" and ", twice.Select(r => $"'{r.Referrer}'"))}; a customer is referred once.");
        return list;
    }
}
