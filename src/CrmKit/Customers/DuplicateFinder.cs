using System.Globalization;
using System.Text;
using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Finds customers that are probably the same person: the same phone number (digits only), the
/// same email address (case-insensitive), the same value of an identity attribute (an ID number,
/// say), or a near-identical name together with one of those or the same birthday. A candidate is
/// only a suggestion; a person reviews it and merges with <see cref="CustomerBook.Merge"/>.
/// </summary>
internal sealed class DuplicateFinder(CrmContext context)
{
    internal async ValueTask<IReadOnlyList<DuplicateCandidate>> FindAsync(IReadOnlyCollection<string> identityAttributes, CancellationToken ct)
    {
        var customers = await context.Read(async (s, c) =>
        {
            var live = new List<Customer>();
            await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.All(), c).ConfigureAwait(false))
                live.AddRange(chunk.Select(x => x.Customer).Where(x => x.ErasedAt is null));
            return live.ToArray();
        }, ct).ConfigureAwait(false);
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < customers.Length; i++)
        {
            // A customer with the same phone twice (after a merge, say) must not pair with itself.
            foreach (var key in Keys(customers[i], identityAttributes).Distinct(StringComparer.Ordinal))
                (byKey.TryGetValue(key, out var list) ? list : byKey[key] = []).Add(i);
        }

        var reasons = new SortedDictionary<(int, int), SortedSet<string>>();
        foreach (var (key, members) in byKey)
        {
            if (members.Count < 2) continue;
            var reason = key[..key.IndexOf(':', StringComparison.Ordinal)];
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    var pair = (Math.Min(members[a], members[b]), Math.Max(members[a], members[b]));
                    (reasons.TryGetValue(pair, out var set) ? set : reasons[pair] = new SortedSet<string>(StringComparer.Ordinal)).Add(reason);
                }
            }
        }

        var result = new List<DuplicateCandidate>();
        foreach (var ((a, b), why) in reasons)
        {
            var first = customers[a];
            var second = customers[b];
            if (SimilarNames(first.Name, second.Name)) why.Add("similar name");
            var identifying = why.Count(r => r != "similar name" && r != "same birthday and name");
            if (identifying == 0 && !why.Contains("same birthday and name")) continue;
            var score = identifying + (why.Contains("similar name") ? 0.5 : 0) + (why.Contains("same birthday and name") ? 0.5 : 0);
            var (lo, hi) = string.CompareOrdinal(first.Code.Value, second.Code.Value) < 0 ? (first, second) : (second, first);
            result.Add(new DuplicateCandidate(lo.Code, hi.Code, why.ToArray(), score));
        }
        return result.OrderByDescending(c => c.Score).ThenBy(c => c.First.Value, StringComparer.Ordinal).ThenBy(c => c.Second.Value, StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<string> Keys(Customer c, IReadOnlyCollection<string> identityAttributes)
    {
        foreach (var point in c.ContactPoints)
        {
            if (point.Kind == "phone")
            {
                var digits = new string(point.Value.Where(char.IsAsciiDigit).ToArray());
                if (digits.Length >= 6) yield return "same phone:" + digits;
            }
            else if (point.Kind == "email")
            {
                yield return "same email:" + point.Value.Trim().ToLowerInvariant();
            }
        }
        foreach (var name in identityAttributes)
        {
            if (c.Attributes.TryGetValue(name, out var value)) yield return $"same {name}:" + AttributeIndex.Canonical(value.Raw).Trim().ToUpperInvariant();
        }
        if (c.Birthday is { } birthday) yield return $"same birthday and name:{birthday.DayNumber}/{NameKey(c.Name)}";
    }

    /// <summary>Names equal once case, accents, spaces and punctuation are ignored, or one edit apart when longer than four letters.</summary>
    internal static bool SimilarNames(string a, string b)
    {
        var x = NameKey(a);
        var y = NameKey(b);
        if (x == y) return true;
        return Math.Min(x.Length, y.Length) > 4 && EditDistanceAtMostOne(x, y);
    }

    private static string NameKey(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpaceSeparator || char.IsPunctuation(ch)) continue;
            builder.Append(char.ToLowerInvariant(ch));
        }
        return builder.ToString();
    }

    private static bool EditDistanceAtMostOne(string x, string y)
    {
        if (Math.Abs(x.Length - y.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (x.Length > y.Length) i++;
            else if (y.Length > x.Length) j++;
            else { i++; j++; }
        }
        return edits + (x.Length - i) + (y.Length - j) <= 1;
    }
}
