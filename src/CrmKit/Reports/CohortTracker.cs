namespace CrmKit.Reports;

/// <summary>
/// Purchase cohorts counted while the purchase log streams past in any order: per customer only
/// the month of the first purchase seen so far and which of the 64 months from it had a purchase,
/// under a 64-bit hash of the customer code, so memory grows with the buyers (about 40 bytes
/// each), never with the purchases.
/// </summary>
internal sealed class CohortTracker
{
    private const int Months = 64;
    private readonly Dictionary<ulong, Track> _tracks = [];

    /// <summary>How many customers made a purchase.</summary>
    internal int Buyers => _tracks.Count;

    /// <summary>Notes a purchase by <paramref name="customer"/> in <paramref name="month"/> (numbered as <see cref="ReportCalendar.Month"/>).</summary>
    internal void Add(CustomerCode customer, int month)
    {
        var key = Hash(customer.Value);
        if (!_tracks.TryGetValue(key, out var track))
        {
            _tracks[key] = new Track(month, 1);
            return;
        }
        if (month < track.First)
        {
            var shift = track.First - month;
            _tracks[key] = new Track(month, (shift >= Months ? 0 : track.Active << shift) | 1);
        }
        else if (month - track.First < Months)
        {
            _tracks[key] = track with { Active = track.Active | (1UL << (month - track.First)) };
        }
    }

    /// <summary>
    /// For every cohort from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>: its size (customers whose first
    /// purchase fell in it) and, for each month since up to <paramref name="lastMonth"/>, how many of them bought in that month.
    /// </summary>
    internal IReadOnlyList<(int Month, long Size, long[] Active)> Cohorts(int firstMonth, int lastMonth)
    {
        var count = Math.Max(0, lastMonth - firstMonth + 1);
        var active = new long[count][];
        for (var c = 0; c < count; c++) active[c] = new long[Math.Min(Months, count - c)];
        foreach (var track in _tracks.Values)
        {
            var c = track.First - firstMonth;
            if (c < 0 || c >= count) continue;
            for (var k = 0; k < active[c].Length; k++)
            {
                if ((track.Active & (1UL << k)) != 0) active[c][k]++;
            }
        }
        return Enumerable.Range(0, count).Select(c => (firstMonth + c, active[c][0], active[c])).ToArray();
    }

    /// <summary>FNV-1a over the code's UTF-16 units: at a million buyers, the chance that two share a hash is about one in thirty million.</summary>
    private static ulong Hash(string code)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in code)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private readonly record struct Track(int First, ulong Active);
}
