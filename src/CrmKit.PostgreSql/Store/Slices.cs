namespace CrmKit.PostgreSql;

/// <summary>
/// Lists of different lengths sent as flat arrays: each list's items go on the end of the flat
/// arrays, and its bounds (1-based, inclusive) are recorded here, so a set-based statement reads
/// list <c>i</c> back as <c>flat[from[i]:to[i]]</c> (an empty list is an empty slice).
/// </summary>
internal sealed class Slices(int capacity)
{
    private readonly List<int> _from = new(capacity);
    private readonly List<int> _to = new(capacity);
    private int _next = 1;

    /// <summary>Records the next list, of <paramref name="length"/> items already added to the flat arrays.</summary>
    internal void Add(int length)
    {
        _from.Add(_next);
        _next += length;
        _to.Add(_next - 1);
    }

    /// <summary>Where each list starts in the flat arrays.</summary>
    internal int[] From => [.. _from];

    /// <summary>Where each list ends in the flat arrays (one before its start when empty).</summary>
    internal int[] To => [.. _to];
}
