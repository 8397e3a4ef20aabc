using Spectre.Console;
using static CrmKit.Cli.CampaignNumbers;

namespace CrmKit.Cli;

/// <summary>Rate reports as one table per rate (with its formula) or one CSV of every row.</summary>
internal static class RateListing
{
    internal static readonly string[] CsvColumns = ["rate", "cut", "key", "numerator", "denominator", "value", "low", "high", "formula"];

    internal static void WriteTable(IAnsiConsole console, IReadOnlyList<RateReport> reports)
    {
        foreach (var r in reports)
        {
            console.WriteLine($"{r.Name}: {r.Formula}");
            var table = new Table().AddColumns(Cut(r.Cut), "Count", "Rate", "95% interval (Wilson)");
            foreach (var row in r.Rows)
            {
                table.AddRow(Printable.Markup(row.Key), $"{N(row.Rate.Numerator)}/{N(row.Rate.Denominator)}", Percent(row.Rate.Value),
                    row.Rate.Interval is { } ci ? Markup.Escape($"[{Percent(ci.Low)}, {Percent(ci.High)}]") : "-");
            }
            console.Write(table);
        }
    }

    internal static void WriteCsv(TextWriter output, IReadOnlyList<RateReport> reports) =>
        CampaignListing.WriteRows(output, CsvColumns, reports.SelectMany(r => r.Rows.Select(row => (IReadOnlyList<string>)
        [
            r.Name, Cut(r.Cut), row.Key, N(row.Rate.Numerator), N(row.Rate.Denominator), Csv(row.Rate.Value),
            Csv(row.Rate.Interval?.Low), Csv(row.Rate.Interval?.High), r.Formula,
        ])));

    private static string Cut(RateCut cut) => cut.Dimension == RateDimension.Period ? CareNames.Name(cut.Period) : CareNames.Name(cut.Dimension);
}
