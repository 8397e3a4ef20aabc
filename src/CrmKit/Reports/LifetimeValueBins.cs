using System.Globalization;

namespace CrmKit.Reports;

/// <summary>
/// Counts lifetime values in bins whose edges run 0, 1, 2, 5, 10, 20, 50, … (one, two and five
/// in every decade), so a distribution from a few units to millions fits one chart without
/// holding the values: bins are counted as values stream past.
/// </summary>
internal sealed class LifetimeValueBins
{
    private static readonly int[] Steps = [1, 2, 5];
    private readonly SortedDictionary<int, long> _counts = [];

    internal long Total { get; private set; }

    internal void Add(decimal value)
    {
        var bin = BinOf(value);
        _counts[bin] = _counts.GetValueOrDefault(bin) + 1;
        Total++;
    }

    /// <summary>The bin of <paramref name="value"/>: 0 for [0, 1), then three per decade; values below zero count in bin 0.</summary>
    internal static int BinOf(decimal value)
    {
        if (value < 1) return 0;
        var (decade, power) = (1m, 0);
        while (power < 27 && value >= decade * 10)
        {
            decade *= 10;
            power++;
        }
        var mantissa = value / decade;
        return 1 + 3 * power + (mantissa < 2 ? 0 : mantissa < 5 ? 1 : 2);
    }

    /// <summary>The lower edge of a bin (its upper edge is the next bin's lower edge).</summary>
    internal static decimal LowerEdge(int bin)
    {
        if (bin == 0) return 0;
        var decade = 1m;
        for (var i = 0; i < (bin - 1) / 3; i++) decade *= 10;
        return decade * Steps[(bin - 1) % 3];
    }

    /// <summary>Every bin from the lowest to the highest one counted, empty ones included, labelled by their edges.</summary>
    internal IReadOnlyList<(string Label, long Count)> Bins()
    {
        if (_counts.Count == 0) return [];
        var (first, last) = (_counts.Keys.First(), _counts.Keys.Last());
        return Enumerable.Range(first, last - first + 1)
            .Select(b => ($"{Short(LowerEdge(b))}–{Short(LowerEdge(b + 1))}", _counts.GetValueOrDefault(b)))
            .ToArray();
    }

    /// <summary>An edge in a few characters: 500, 1k, 20k, 5M, 1B.</summary>
    internal static string Short(decimal edge)
    {
        foreach (var (size, suffix) in new[] { (1_000_000_000_000m, "T"), (1_000_000_000m, "B"), (1_000_000m, "M"), (1_000m, "k") })
        {
            if (edge >= size) return (edge / size).ToString("0.##", CultureInfo.InvariantCulture) + suffix;
        }
        return edge.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
