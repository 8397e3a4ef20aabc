namespace CrmKit.Reports;

/// <summary>
/// The customers with the highest lifetime value, kept while customers stream past: at most
/// <c>size</c> at a time, whatever the size of the base. On equal values the lower code is kept.
/// </summary>
internal sealed class TopCustomers(int size)
{
    private readonly PriorityQueue<Entry, Entry> _kept = new(Comparer<Entry>.Create(Lowest));

    internal void Offer(CustomerCode code, string name, string tier, decimal lifetimeValue)
    {
        if (size == 0) return;
        var entry = new Entry(code.Value, name, tier, lifetimeValue);
        if (_kept.Count < size) _kept.Enqueue(entry, entry);
        else if (Lowest(entry, _kept.Peek()) > 0) _kept.DequeueEnqueue(entry, entry);
    }

    /// <summary>The customers kept, highest value first.</summary>
    internal IReadOnlyList<Entry> Highest() =>
        _kept.UnorderedItems.Select(i => i.Element).Order(Comparer<Entry>.Create((a, b) => Lowest(b, a))).ToArray();

    /// <summary>Orders the lowest value first and, on equal values, the higher code first: the first to drop out.</summary>
    private static int Lowest(Entry a, Entry b)
    {
        var byValue = a.LifetimeValue.CompareTo(b.LifetimeValue);
        return byValue != 0 ? byValue : string.CompareOrdinal(b.Code, a.Code);
    }

    internal sealed record Entry(string Code, string Name, string Tier, decimal LifetimeValue);
}
