using CsvHelper;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// Every recorded suppression with its reason: the proposals the contact policy held back and the
/// tasks the closed loop withdrew, so "why did this customer get no birthday call" has an answer.
/// </summary>
internal static class SuppressionListing
{
    /// <summary>The CSV columns, in order; their names are part of the CLI's contract.</summary>
    internal static readonly string[] CsvColumns = ["customer", "rule", "occasion-key", "channel", "reason", "detail", "at"];

    private const int PageSize = 1_000;

    /// <summary>
    /// The suppressions of one customer, or of every customer when <paramref name="customer"/> is
    /// null; only <paramref name="rule"/>'s when given. By customer, then latest first.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No customer has the code.</exception>
    internal static IReadOnlyList<CareSuppression> Find(CrmDatabase crm, string? customer, string? rule)
    {
        if (customer is not null) return crm.Care.Suppressions(customer, rule);
        var all = new List<CareSuppression>();
        var page = new PageRequest(0, PageSize);
        Page<Customer> found;
        do
        {
            found = crm.Customers.All(page);
            foreach (var c in found.Items) all.AddRange(crm.Care.Suppressions(c.Code, rule));
            page = page.Next;
        }
        while (found.HasMore);
        return all.OrderBy(s => s.Customer.Value, StringComparer.Ordinal).ThenByDescending(s => s.At.UtcTicks)
            .ThenBy(s => s.OccasionKey, StringComparer.Ordinal).ThenBy(s => s.Channel.Name, StringComparer.Ordinal).ToArray();
    }

    internal static void WriteTable(IAnsiConsole console, IReadOnlyList<CareSuppression> suppressions)
    {
        var table = new Table().AddColumns("Customer", "Rule", "Occasion", "Channel", "Reason", "Detail", "At");
        foreach (var s in suppressions)
        {
            table.AddRow(E(s.Customer.Value), E(s.Rule), E(s.OccasionKey), s.Channel.Name, CareNames.Name(s.Reason), E(s.Detail), CareNames.Short(s.At));
        }
        console.Write(table);
        console.WriteLine($"{suppressions.Count} suppression(s).");
    }

    /// <summary>Writes RFC 4180 CSV with <see cref="CsvColumns"/> as the header.</summary>
    internal static void WriteCsv(TextWriter output, IReadOnlyList<CareSuppression> suppressions)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in CsvColumns) csv.WriteField(column);
        csv.EndRecord();
        foreach (var s in suppressions)
        {
            csv.WriteField(s.Customer.Value);
            csv.WriteField(s.Rule);
            csv.WriteField(s.OccasionKey);
            csv.WriteField(s.Channel.Name);
            csv.WriteField(CareNames.Name(s.Reason));
            csv.WriteField(s.Detail);
            csv.WriteField(CareNames.Iso(s.At));
            csv.EndRecord();
        }
    }

    private static string E(string text) => Printable.Markup(text);
}
