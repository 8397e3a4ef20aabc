namespace CrmKit;

/// <summary>
/// The built-in care rules. Each takes the channels to propose on (one task per channel; the
/// closed loop withdraws the others once one is done) and the local time of day it is due.
/// </summary>
public static class CareRules
{
    private static readonly TimeOnly Morning = new(10, 0);

    /// <summary>Birthday greeting, proposed up to <paramref name="leadDays"/> ahead; occasion key <c>birthday:YYYY</c>.</summary>
    public static ICareRule Birthday(int leadDays = 3, params Channel[] channels) =>
        new BirthdayRule(Lead(leadDays), Morning, Channels(channels, Channel.Sms));

    /// <summary>First-purchase anniversary greeting; occasion key <c>purchase-anniversary:YYYY</c>.</summary>
    public static ICareRule PurchaseAnniversary(int leadDays = 3, params Channel[] channels) =>
        new PurchaseAnniversaryRule(Lead(leadDays), Morning, Channels(channels, Channel.Email));

    /// <summary>
    /// Service or renewal due <paramref name="interval"/> after the last interaction of
    /// <paramref name="after"/>, proposed from <paramref name="lead"/> before; occasion key <c>NAME:YYYY-MM-DD</c>.
    /// </summary>
    public static ICareRule DueAfter(string name, InteractionKind after, TimeSpan interval, TimeSpan lead, params Channel[] channels)
    {
        if (after == default) throw new CrmValidationException("after", "is required but was empty.");
        if (interval <= TimeSpan.Zero) throw new CrmValidationException("interval", $"{interval} is not positive.");
        if (lead < TimeSpan.Zero) throw new CrmValidationException("lead", $"{lead} is negative.");
        return new DueAfterRule(name, after, interval, lead, Morning, Channels(channels, Channel.Phone));
    }

    /// <summary>A prospect with no contact for <paramref name="quietDays"/> days; occasion key <c>dormant-prospect:since-YYYY-MM-DD</c>.</summary>
    public static ICareRule DormantProspect(int quietDays = 90, StageId? stage = null, params Channel[] channels)
    {
        if (quietDays < 1) throw new CrmValidationException("quietDays", $"{quietDays} is less than 1.");
        return new DormantProspectRule(stage ?? "prospect", TimeSpan.FromDays(quietDays), Channels(channels, Channel.Phone));
    }

    /// <summary>
    /// Churn warning for a customer with at least <paramref name="minPurchases"/> purchases whose gap since
    /// the last purchase exceeds <paramref name="factor"/> times their usual gap; occasion key <c>churn-warning:after-YYYY-MM-DD</c>.
    /// </summary>
    public static ICareRule ChurnWarning(double factor = 2.0, int minPurchases = 3, params Channel[] channels)
    {
        if (!(factor >= 1.0) || double.IsInfinity(factor)) throw new CrmValidationException("factor", $"{factor} is not a number of at least 1.");
        if (minPurchases < 2) throw new CrmValidationException("minPurchases", $"{minPurchases} is less than 2; a usual gap needs two purchases.");
        return new ChurnWarningRule(factor, minPurchases, Channels(channels, Channel.Phone));
    }

    /// <summary>Holiday care for customers tagged <paramref name="keyTag"/>; occasion key <c>key-account-holiday:NAME-YYYY</c>.</summary>
    public static ICareRule KeyAccountHoliday(IEnumerable<Holiday> holidays, string keyTag = "key-account", int leadDays = 3, params Channel[] channels)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var list = holidays.Select((h, i) => h?.Checked() ?? throw new CrmValidationException($"holidays[{i}]", "is null.")).ToArray();
        return new HolidayCareRule(Require.Name(keyTag, "keyTag"), list, Lead(leadDays), Morning, Channels(channels, Channel.Phone, Channel.Store));
    }

    /// <summary>
    /// The six built-in rules with their defaults: birthday, purchase anniversary, service due 180
    /// days after a service visit, dormant prospect, churn warning and key-account new-year care.
    /// </summary>
    public static IReadOnlyList<ICareRule> Defaults() =>
    [
        Birthday(),
        PurchaseAnniversary(),
        DueAfter("service-due", InteractionKind.ServiceVisit, TimeSpan.FromDays(180), TimeSpan.FromDays(7)),
        DormantProspect(),
        ChurnWarning(),
        KeyAccountHoliday([new Holiday("new-year", 1, 1)]),
    ];

    private static int Lead(int days) =>
        days is >= 0 and <= 366 ? days : throw new CrmValidationException("leadDays", $"{days} is outside 0 to 366.");

    private static Channel[] Channels(Channel[] given, params Channel[] fallback)
    {
        if (given is null || given.Length == 0) return fallback;
        for (var i = 0; i < given.Length; i++)
            if (given[i] == default) throw new CrmValidationException($"channels[{i}]", "is empty.");
        return given.Distinct().ToArray();
    }
}
