namespace CrmKit;

/// <summary>Birthday greeting: proposed up to <c>leadDays</c> before the birthday, due that day at the given local time.</summary>
internal sealed class BirthdayRule(int leadDays, TimeOnly localTime, Channel[] channels)
    : AnnualRule("birthday", leadDays, localTime, TaskPriority.Normal, channels)
{
    public override IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) =>
        customer.Customer.Birthday is { } b ? Near(customer, now, b.Month, b.Day, "") : [];
}
