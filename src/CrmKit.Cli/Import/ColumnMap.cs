namespace CrmKit.Cli;

/// <summary>
/// Matches a CSV header to the columns an import knows. Fixed columns match ignoring case, spaces,
/// '-' and '_' (<c>Time Zone</c>, <c>time_zone</c> and <c>time-zone</c> are one column); prefixed
/// columns (<c>attr:NAME</c>, <c>consent:CHANNEL</c>, <c>meta:KEY</c>) match their prefix ignoring case
/// and keep the name after it as written.
/// </summary>
internal sealed class ColumnMap
{
    private readonly Dictionary<string, int> _fixed = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, string Name, int Index)> _prefixed = [];
    private string[] _prefixes = [];

    private ColumnMap(string[] header) => Header = header;

    /// <summary>The header as written.</summary>
    internal string[] Header { get; }

    /// <summary>Columns named with the first prefix given: the name after it and the column index.</summary>
    internal IReadOnlyList<(string Name, int Index)> Prefixed => Named(_prefixes[0]);

    /// <summary>Columns named with <paramref name="prefix"/> (as given to <see cref="Create"/>): the name after it and the column index.</summary>
    internal IReadOnlyList<(string Name, int Index)> Named(string prefix) =>
        _prefixed.Where(p => p.Prefix == prefix).Select(p => (p.Name, p.Index)).ToArray();

    /// <summary>
    /// Maps <paramref name="header"/>; <paramref name="problems"/> receives every unknown, repeated or
    /// missing required column, on line 1.
    /// </summary>
    /// <param name="header">The header as read.</param>
    /// <param name="known">Canonical fixed column names.</param>
    /// <param name="required">The fixed columns that must be present.</param>
    /// <param name="prefixes">The prefixes of named columns (<c>attr:</c> and <c>consent:</c>, or <c>meta:</c>), each with the word for what follows it.</param>
    /// <param name="problems">Collects header problems.</param>
    internal static ColumnMap Create(string[] header, IReadOnlyList<string> known, IReadOnlyList<string> required,
        IReadOnlyList<(string Prefix, string Word)> prefixes, List<ImportProblem> problems)
    {
        var map = new ColumnMap(header) { _prefixes = prefixes.Select(p => p.Prefix).ToArray() };
        var canonical = known.ToDictionary(Key, k => k, StringComparer.Ordinal);
        var prefixedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var column = header[i];
            var (prefix, word) = prefixes.FirstOrDefault(p => column.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase));
            if (prefix is not null)
            {
                var name = column[prefix.Length..].Trim();
                if (name.Length == 0) problems.Add(new ImportProblem(1, column, $"names no {word} after '{prefix}'."));
                else if (!prefixedNames.Add(prefix + name)) problems.Add(new ImportProblem(1, column, "appears more than once in the header."));
                else map._prefixed.Add((prefix, name, i));
                continue;
            }
            if (!canonical.TryGetValue(Key(column), out var name2))
            {
                var named = string.Join(", ", prefixes.Select(p => p.Prefix + p.Word.ToUpperInvariant()));
                problems.Add(new ImportProblem(1, column, $"is not a known column (known: {string.Join(", ", known)}, {named})."));
                continue;
            }
            if (!map._fixed.TryAdd(name2, i)) problems.Add(new ImportProblem(1, column, "appears more than once in the header."));
        }
        foreach (var name in required.Where(r => !map._fixed.ContainsKey(r)))
            problems.Add(new ImportProblem(1, name, "is required but the header lacks it."));
        return map;
    }

    /// <summary>True when the header has the fixed column <paramref name="canonical"/>.</summary>
    internal bool Has(string canonical) => _fixed.ContainsKey(canonical);

    /// <summary>The header text of a fixed column, for messages.</summary>
    internal string ColumnName(string canonical) => _fixed.TryGetValue(canonical, out var i) ? Header[i] : canonical;

    /// <summary>The trimmed cell of a fixed column, or "" when the file lacks the column.</summary>
    internal string Cell(SourceRow row, string canonical) => _fixed.TryGetValue(canonical, out var i) ? row.Fields[i].Trim() : "";

    private static string Key(string column) =>
        new(column.Where(c => c is not (' ' or '-' or '_')).Select(char.ToLowerInvariant).ToArray());
}
