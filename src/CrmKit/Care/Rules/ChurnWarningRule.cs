using System.Globalization;

namespace CrmKit;

/// <summary>
/// A regular customer (at least <c>minPurchases</c> purchases) whose time since the last purchase
/// exceeds <c>factor</c> times their own usual gap (first to last purchase divided by the gaps
/// between purchases): a retention contact before they are lost.
/// </summary>
internal sealed class ChurnWarningRule(double factor, int minPurchases, Channel[] channels) : ICareRule
{
    public string Name => "churn-warning";

    public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
    {
        var s = customer.Stats;
        if (s.PurchaseCount < minPurchases || s.FirstPurchaseAt is not { } first || s.LastPurchaseAt is not { } last) return [];
        var usual = (last - first) / (s.PurchaseCount - 1);
        if (usual <= TimeSpan.Zero || now - last <= usual * factor) return [];
        var occasion = "after-" + LocalClock.DateOf(last, customer.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var note = string.Create(CultureInfo.InvariantCulture, $"Usual gap {usual.TotalDays:F0} days; {(now - last).TotalDays:F0} days since the last purchase.");
        return channels.Select(c => new CareAction(occasion, now, c, TaskPriority.High) { Owner = customer.Customer.Owner, Note = note });
    }
}
