namespace CrmKit;

/// <summary>Anniversary of the first purchase (from the first year after it), in the customer's time zone.</summary>
internal sealed class PurchaseAnniversaryRule(int leadDays, TimeOnly localTime, Channel[] channels)
    : AnnualRule("purchase-anniversary", leadDays, localTime, TaskPriority.Low, channels)
{
    public override IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
    {
        if (customer.Stats.FirstPurchaseAt is not { } first) return [];
        var day = LocalClock.DateOf(first, customer.Zone);
        return Near(customer, now, day.Month, day.Day, "", day.AddDays(1));
    }
}
