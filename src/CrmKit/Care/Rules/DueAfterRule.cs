using System.Globalization;

namespace CrmKit;

/// <summary>
/// Service or renewal due: a set interval after the last interaction of a kind (for example six
/// months after the last service visit), proposed from <c>lead</c> before the due date.
/// </summary>
internal sealed class DueAfterRule(string name, InteractionKind after, TimeSpan interval, TimeSpan lead, TimeOnly localTime, Channel[] channels) : ICareRule
{
    public string Name { get; } = Require.Identifier(name, "rule");

    public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
    {
        if (customer.Stats.LastOfKind(after) is not { } last) return [];
        var zone = customer.Zone;
        var dueDate = LocalClock.DateOf(last + interval, zone);
        var due = LocalClock.At(dueDate, localTime, zone);
        if (now < due - lead) return [];
        if (due < now) due = now;
        var occasion = dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return channels.Select(c => new CareAction(occasion, due, c, TaskPriority.High) { Owner = customer.Customer.Owner });
    }
}
