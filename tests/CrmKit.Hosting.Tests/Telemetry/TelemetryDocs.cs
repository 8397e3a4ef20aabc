using System.Text.RegularExpressions;
using CrmKit.Tests.Docs;

namespace CrmKit.Hosting.Tests.Telemetry;

/// <summary>
/// The metric and trace tables of docs/hosting.md, read as data. In a tags cell, a tag is a name in
/// backticks; a list of values in backticks after it in parentheses is the closed set it takes; a
/// remark after a semicolon in the parentheses ending in "only" makes the tag optional; a tag with
/// words in its parentheses takes open values (names the application chose); a tag with none is a count.
/// </summary>
public static partial class TelemetryDocs
{
    public sealed record Row(string[] Cells, IReadOnlyDictionary<string, Tag> Tags);

    public sealed record Tag(IReadOnlySet<string>? Values, bool Count, bool Optional)
    {
        /// <summary>Fails unless <paramref name="value"/> is one the docs allow.</summary>
        public void Check(string what, object? value)
        {
            if (Count)
            {
                Assert.True(value is int or long, $"{what} should be a count but is {value?.GetType().Name ?? "null"} '{value}'");
                Assert.True(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) >= 0, $"{what} is negative");
            }
            else if (Values is not null) Assert.True(Values.Contains(value?.ToString() ?? ""), $"{what} = '{value}', not one of {string.Join(", ", Values)}");
        }
    }

    /// <summary>The table under <c>## </c><paramref name="heading"/>, by the name in its first column.</summary>
    public static IReadOnlyDictionary<string, Row> Table(string heading, int tagColumn)
    {
        var text = File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), "docs", "hosting.md"));
        var start = text.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/hosting.md has no section '{heading}'");
        var end = text.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var line in text[start..(end < 0 ? text.Length : end)].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            rows[cells[0].Trim('`')] = new Row(cells, Tags(cells[tagColumn]));
        }
        Assert.NotEmpty(rows);
        return rows;
    }

    private static Dictionary<string, Tag> Tags(string cell)
    {
        var tags = new Dictionary<string, Tag>(StringComparer.Ordinal);
        foreach (var piece in TopLevel(cell))
        {
            var match = TagPattern().Match(piece);
            if (!match.Success) continue;
            var (name, details) = (match.Groups[1].Value, match.Groups[2].Success ? match.Groups[2].Value : null);
            if (details is null)
            {
                tags[name] = new Tag(null, Count: true, Optional: false);
                continue;
            }
            var remark = details.Contains(';') ? details[(details.IndexOf(';') + 1)..] : "";
            var list = details.Contains(';') ? details[..details.IndexOf(';')] : details;
            var closed = Backticked().Replace(list, "").Replace(",", "").Replace(" or ", " ").Trim().Length == 0;
            tags[name] = new Tag(closed ? Backticked().Matches(list).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal) : null,
                Count: false, Optional: remark.TrimEnd().EndsWith("only", StringComparison.Ordinal));
        }
        return tags;
    }

    /// <summary>Splits a cell at the commas outside parentheses.</summary>
    private static IEnumerable<string> TopLevel(string cell)
    {
        var (depth, from) = (0, 0);
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '(') depth++;
            else if (cell[i] == ')') depth--;
            else if (cell[i] == ',' && depth == 0)
            {
                yield return cell[from..i].Trim();
                from = i + 1;
            }
        }
        yield return cell[from..].Trim();
    }

    [GeneratedRegex(@"^`([a-z_.]+)`(?:\s*\((.*)\))?$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex Backticked();
}
