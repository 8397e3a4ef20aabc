using System.Globalization;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>The duplicate review list as a table: each pair with the reasons it matched, strongest first.</summary>
internal static class MatchListing
{
    internal static void WriteTable(IAnsiConsole console, IReadOnlyList<DuplicateMatch> matches)
    {
        var table = new Table().AddColumns("First", "Second", "Reasons", "Score", "Found by", "Found at", "Dismissed");
        foreach (var m in matches)
        {
            table.AddRow(Printable.Markup(m.First.Value), Printable.Markup(m.Second.Value), Printable.Markup(string.Join(", ", m.Reasons)),
                m.Score.ToString("0.#", CultureInfo.InvariantCulture), Printable.Markup(m.FoundBy), CareNames.Iso(m.FoundAt),
                m.IsOpen ? "-" : Printable.Markup($"{CareNames.Iso(m.DismissedAt)} by {m.DismissedBy}: {m.DismissReason}"));
        }
        console.Write(table);
    }
}
