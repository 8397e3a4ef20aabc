using System.Globalization;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>Writes the report's sections, and the number formats they share.</summary>
internal static class Report
{
    /// <summary>Figures are printed the same way on every machine.</summary>
    internal static CultureInfo Culture => CultureInfo.InvariantCulture;

    internal static string Share(long part, long whole) =>
        whole == 0 ? "–" : ((double)part / whole).ToString("P1", Culture);

    internal static void Write(CrmDatabase crm, IAnsiConsole console, IEnumerable<IReportSection> sections)
    {
        foreach (var section in sections)
        {
            console.Write(new Rule(Printable.Markup(section.Title)).LeftJustified());
            section.Write(crm, console);
            console.WriteLine();
        }
    }
}
