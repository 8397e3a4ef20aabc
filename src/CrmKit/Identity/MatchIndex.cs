using System.Globalization;
using System.Text;

namespace CrmKit;

/// <summary>
/// Finds the customers a customer probably is: an index of every added customer's match keys
/// (normalised phone numbers, email addresses, identity-attribute values, birthday with name)
/// that a new customer is probed against. <see cref="DuplicateFinder"/> builds one over the whole
/// base; a sync import builds one to match its new records against the existing ones and each other.
/// </summary>
/// <remarks>
/// Phones match when, written as digits without an international <c>00</c> or a trunk <c>0</c>
/// prefix, one ends with the other and the shorter has at least 7 digits: <c>+86 138 0000 0001</c>,
/// <c>0086 13800000001</c> and <c>138-0000-0001</c> are one number. Emails match ignoring case and
/// surrounding spaces. Identity values match ignoring case, spaces and hyphens.
/// </remarks>
internal sealed class MatchIndex(IReadOnlyCollection<string> identityAttributes)
{
    /// <summary>Phones are bucketed by their last digits and compared whole within a bucket.</summary>
    private const int PhoneDigits = 7;

    private readonly Dictionary<string, List<(CustomerCode Code, string Full)>> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<CustomerCode, string> _names = [];

    /// <summary>How many customers are indexed.</summary>
    internal int Count => _names.Count;

    /// <summary>Indexes <paramref name="customer"/> (again: its keys are added to those it had).</summary>
    internal void Add(Customer customer)
    {
        _names[customer.Code] = customer.Name;
        foreach (var (bucket, full) in Keys(customer).Distinct())
            (_buckets.TryGetValue(bucket, out var list) ? list : _buckets[bucket] = []).Add((customer.Code, full));
    }

    /// <summary>The indexed customers <paramref name="customer"/> probably is (itself excluded), each with the reasons, in code order.</summary>
    internal IReadOnlyList<DuplicateCandidate> Probe(Customer customer)
    {
        var reasons = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (bucket, full) in Keys(customer).Distinct())
        {
            if (!_buckets.TryGetValue(bucket, out var members)) continue;
            var reason = bucket[..bucket.IndexOf(':', StringComparison.Ordinal)];
            foreach (var (other, otherFull) in members)
            {
                if (other == customer.Code || !Same(reason, full, otherFull)) continue;
                (reasons.TryGetValue(other.Value, out var set) ? set : reasons[other.Value] = new SortedSet<string>(StringComparer.Ordinal)).Add(reason);
            }
        }
        var found = new List<DuplicateCandidate>();
        foreach (var (other, why) in reasons)
        {
            var code = new CustomerCode(other);
            if (SimilarNames(customer.Name, _names[code])) why.Add("similar name");
            var identifying = why.Count(r => r is not ("similar name" or BirthdayAndName));
            if (identifying == 0 && !why.Contains(BirthdayAndName)) continue;
            var score = identifying + (why.Contains("similar name") ? 0.5 : 0) + (why.Contains(BirthdayAndName) ? 0.5 : 0);
            var (first, second) = DuplicateMatch.Pair(customer.Code, code);
            found.Add(new DuplicateCandidate(first, second, why.ToArray(), score));
        }
        return found;
    }

    private const string BirthdayAndName = "same birthday and name";

    /// <summary>The reason a match on <paramref name="key"/> (<c>phone</c>, <c>email</c> or an identity attribute) is given: <c>same id-number</c>.</summary>
    internal static string ReasonFor(string key) => "same " + key;

    private IEnumerable<(string Bucket, string Full)> Keys(Customer c)
    {
        foreach (var point in c.ContactPoints)
        {
            if (point.Kind == "phone" && Phone(point.Value) is { } digits) yield return ("same phone:" + digits[^PhoneDigits..], digits);
            else if (point.Kind == "email" && Email(point.Value) is { Length: > 0 } email) yield return ("same email:" + email, email);
        }
        foreach (var name in identityAttributes)
        {
            if (!c.Attributes.TryGetValue(name, out var value)) continue;
            var key = Identity(value);
            if (key.Length > 0) yield return ($"same {name}:{key}", key);
        }
        if (c.Birthday is { } birthday) yield return ($"{BirthdayAndName}:{birthday.DayNumber}/{NameKey(c.Name)}", "");
    }

    private static bool Same(string reason, string a, string b) =>
        reason != "same phone" ? a == b : a.Length >= b.Length ? a.EndsWith(b, StringComparison.Ordinal) : b.EndsWith(a, StringComparison.Ordinal);

    /// <summary>A phone number as its digits without an international or trunk prefix; null when fewer than 7 digits remain.</summary>
    internal static string? Phone(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("00", StringComparison.Ordinal)) digits = digits[2..];
        else if (digits.StartsWith('0')) digits = digits[1..];
        return digits.Length >= PhoneDigits ? digits : null;
    }

    /// <summary>An email address without surrounding spaces, in lower case.</summary>
    internal static string Email(string value) => value.Trim().ToLowerInvariant();

    /// <summary>An identity value (an ID or passport number) in upper case, without spaces or hyphens.</summary>
    internal static string Identity(AttributeValue value) =>
        new(AttributeIndex.Canonical(value.Raw).Where(ch => !char.IsWhiteSpace(ch) && ch != '-').Select(char.ToUpperInvariant).ToArray());

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
