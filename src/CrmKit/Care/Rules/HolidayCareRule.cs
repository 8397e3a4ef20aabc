namespace CrmKit;

/// <summary>Holiday care for key accounts (customers carrying the key-account tag), by their owner.</summary>
internal sealed class HolidayCareRule(string keyTag, IReadOnlyList<Holiday> holidays, int leadDays, TimeOnly localTime, Channel[] channels)
    : AnnualRule("key-account-holiday", leadDays, localTime, TaskPriority.High, channels)
{
    public override IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) =>
        customer.Customer.Tags.Contains(keyTag, StringComparer.Ordinal)
            ? holidays.SelectMany(h => Near(customer, now, h.Month, h.Day, h.Name + "-"))
            : [];
}
