namespace CrmKit;

/// <summary>
/// What the annual rules share: find the next occurrence of a month and day in the customer's
/// time zone and, when it is at most <c>leadDays</c> away, propose care due at a local time that day.
/// </summary>
internal abstract class AnnualRule(string name, int leadDays, TimeOnly localTime, TaskPriority priority, Channel[] channels) : ICareRule
{
    public string Name { get; } = Require.Identifier(name, "rule");

    public abstract IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now);

    /// <summary>Actions for the occurrence of (<paramref name="month"/>, <paramref name="day"/>) within the lead, if any.</summary>
    protected IEnumerable<CareAction> Near(CustomerSnapshot customer, DateTimeOffset now, int month, int day, string occasionPrefix, DateOnly? notBefore = null)
    {
        var zone = customer.Zone;
        var today = LocalClock.DateOf(now, zone);
        var from = notBefore is { } nb && nb > today ? nb : today;
        var next = LocalClock.NextAnnual(month, day, from);
        if (next.DayNumber - today.DayNumber > leadDays) return [];
        var due = LocalClock.At(next, localTime, zone);
        if (due < now) due = now;
        var occasion = occasionPrefix + next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return channels.Select(c => new CareAction(occasion, due, c, priority) { Owner = customer.Customer.Owner });
    }
}
