using System.Globalization;
using System.Text;

namespace CrmKit.Cli;

/// <summary>
/// How care values are written in the CLI's tables and CSV: enum names in lower case with '-'
/// between words (<c>frequency-cap</c>), instants as ISO-8601 with their offset.
/// </summary>
internal static class CareNames
{
    /// <summary>The statuses <c>--status</c> accepts: each task status, and <c>all</c>.</summary>
    internal static string[] StatusChoices { get; } = [.. Enum.GetValues<CareTaskStatus>().Select(s => Name(s)), "all"];

    /// <summary>The status a <c>--status</c> value names; null for <c>all</c>.</summary>
    internal static CareTaskStatus? ParseStatus(string text) =>
        text == "all" ? null : Enum.GetValues<CareTaskStatus>().First(s => Name(s) == text);

    /// <summary><c>Open</c> → <c>open</c>, <c>FrequencyCap</c> → <c>frequency-cap</c>.</summary>
    internal static string Name<T>(T value) where T : struct, Enum
    {
        var text = value.ToString();
        var name = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i])) name.Append('-');
            name.Append(char.ToLowerInvariant(text[i]));
        }
        return name.ToString();
    }

    /// <summary>ISO-8601 with the offset and no trailing zero fractions: <c>2027-01-04T09:00:00+08:00</c>.</summary>
    internal static string Iso(DateTimeOffset? instant) =>
        instant?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The short form tables use: <c>2027-01-04 09:00 +08:00</c>.</summary>
    internal static string Short(DateTimeOffset? instant) =>
        instant?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "-";
}
