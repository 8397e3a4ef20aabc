using System.Globalization;

namespace CrmKit;

/// <summary>
/// A prospect nobody has been in touch with for <c>quiet</c> (90 days by default): reactivation by
/// the owner. A customer who has bought is not a prospect whatever their stage says (the stage may
/// not have caught up yet), so they are never called as one.
/// </summary>
internal sealed class DormantProspectRule(StageId stage, TimeSpan quiet, Channel[] channels) : ICareRule
{
    public string Name => "dormant-prospect";

    public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
    {
        if (customer.Customer.Stage != stage || customer.Stats.PurchaseCount > 0) return [];
        var last = customer.Stats.LastContactAt ?? customer.Customer.CreatedAt;
        if (now - last < quiet) return [];
        var occasion = "since-" + LocalClock.DateOf(last, customer.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return channels.Select(c => new CareAction(occasion, now, c) { Owner = customer.Customer.Owner, Note = "Dormant prospect: reactivate." });
    }
}
