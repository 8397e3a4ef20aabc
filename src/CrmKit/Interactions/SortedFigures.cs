using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CrmKit;

/// <summary>
/// A small, immutable name → figure table in ordinal key order: the per-kind and per-channel
/// figures of <see cref="CustomerStats"/>. Two arrays instead of a tree of nodes, because stats are
/// read for every customer in a segment refresh or care sweep and a customer has only a handful of
/// kinds and channels. Being immutable, it can be handed to scripts without a copy.
/// </summary>
internal sealed class SortedFigures<TValue> : IReadOnlyDictionary<string, TValue>
{
    private readonly string[] _keys;
    private readonly TValue[] _values;

    private SortedFigures(string[] keys, TValue[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>The table without entries.</summary>
    internal static SortedFigures<TValue> Empty { get; } = new([], []);

    /// <summary>Builds a table from distinct keys in any order.</summary>
    internal static SortedFigures<TValue> From(string[] keys, TValue[] values)
    {
        if (keys.Length == 0) return Empty;
        for (var i = 1; i < keys.Length; i++)
        {
            if (string.CompareOrdinal(keys[i - 1], keys[i]) < 0) continue;
            Array.Sort(keys, values, StringComparer.Ordinal);
            break;
        }
        return new SortedFigures<TValue>(keys, values);
    }

    /// <summary>Copies <paramref name="entries"/> (distinct keys, any order).</summary>
    internal static SortedFigures<TValue> From(IReadOnlyCollection<KeyValuePair<string, TValue>> entries)
    {
        var keys = new string[entries.Count];
        var values = new TValue[entries.Count];
        var i = 0;
        foreach (var (key, value) in entries)
        {
            keys[i] = key;
            values[i++] = value;
        }
        return From(keys, values);
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<TValue> Values => _values;

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No figure for '{key}'.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = default;
            return false;
        }
        value = _values[i];
        return true;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++) yield return KeyValuePair.Create(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Array.BinarySearch(_keys, key, StringComparer.Ordinal);
    }
}
