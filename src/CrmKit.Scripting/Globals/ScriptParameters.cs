using System.Collections;
using System.Collections.Frozen;

namespace CrmKit.Scripting;

/// <summary>
/// Named values the host gives every evaluation of a script, such as a threshold or a campaign
/// date. Scripts read them as <c>Params["name"]</c>, <c>Params.Get&lt;decimal&gt;("name")</c> or
/// <c>Param&lt;decimal&gt;("name")</c>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Give plain values (numbers, strings, dates, booleans, arrays or lists of those): a script can
/// read only values whose types its sandbox allows.
/// </remarks>
public sealed class ScriptParameters : IReadOnlyDictionary<string, object?>
{
    private readonly FrozenDictionary<string, object?> _values;

    /// <summary>No parameters.</summary>
    public static ScriptParameters Empty { get; } = new([]);

    /// <summary>Creates parameters from name/value pairs; names compare ordinally.</summary>
    /// <exception cref="ArgumentException">A name is repeated or empty.</exception>
    public ScriptParameters(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A parameter name is empty.", nameof(values));
            if (!copy.TryAdd(name, value)) throw new ArgumentException($"Parameter '{name}' is given twice.", nameof(values));
        }
        _values = copy.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The value of parameter <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No parameter has that name.</exception>
    public object? this[string name] => _values.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"The script parameter '{name}' was not given.");

    /// <summary>The value of parameter <paramref name="name"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">No parameter has that name.</exception>
    /// <exception cref="InvalidCastException">The value is of another type.</exception>
    public T Get<T>(string name) => this[name] is T typed
        ? typed
        : throw new InvalidCastException($"The script parameter '{name}' is {Describe(this[name])}, not {typeof(T).Name}.");

    /// <summary>The value of parameter <paramref name="name"/>, or <paramref name="fallback"/> when it was not given.</summary>
    /// <exception cref="InvalidCastException">The value is of another type.</exception>
    public T GetOrDefault<T>(string name, T fallback) => _values.ContainsKey(name) ? Get<T>(name) : fallback;

    /// <summary>The number of parameters.</summary>
    public int Count => _values.Count;

    /// <summary>The parameter names.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The parameter values.</summary>
    public IEnumerable<object?> Values => _values.Values;

    /// <summary>True when a parameter named <paramref name="key"/> was given.</summary>
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <summary>Looks a parameter up without throwing.</summary>
    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

    /// <summary>Enumerates the name/value pairs.</summary>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string Describe(object? value) => value is null ? "null" : value.GetType().Name;
}
