using CsvHelper;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// The care tasks a call centre works from: every task in a status (or all), for one customer or
/// for the whole database, by due time, as a table or as CSV.
/// </summary>
internal static class TaskListing
{
    /// <summary>The CSV columns, in order; their names are part of the CLI's contract.</summary>
    internal static readonly string[] CsvColumns =
        ["id", "customer", "rule", "occasion-key", "channel", "due", "proposed-due", "priority", "owner", "status", "created-at", "closed-at", "outcome", "note"];

    private const int PageSize = 1_000;

    /// <summary>The tasks in <paramref name="status"/> (all when null), of one customer when given, by due time then id.</summary>
    /// <exception cref="CustomerNotFoundException">No customer has the code.</exception>
    internal static IReadOnlyList<CareTask> Find(CrmDatabase crm, CareTaskStatus? status, string? customer)
    {
        IEnumerable<CareTask> tasks;
        if (customer is not null) tasks = crm.Care.For(customer).Where(t => status is null || t.Status == status);
        else
        {
            var all = new List<CareTask>();
            var page = new PageRequest(0, PageSize);
            Page<CareTask> found;
            do
            {
                found = crm.Care.Tasks(status, page);
                all.AddRange(found.Items);
                page = page.Next;
            }
            while (found.HasMore);
            tasks = all;
        }
        return tasks.OrderBy(t => t.Due.UtcTicks).ThenBy(t => t.Id).ToArray();
    }

    internal static void WriteTable(IAnsiConsole console, IReadOnlyList<CareTask> tasks)
    {
        var table = new Table().AddColumns("Id", "Customer", "Rule", "Occasion", "Channel", "Due", "Priority", "Owner", "Status");
        foreach (var t in tasks)
        {
            table.AddRow(t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), E(t.Customer.Value), E(t.Rule), E(t.OccasionKey), t.Channel.Name,
                CareNames.Short(t.Due), CareNames.Name(t.Priority), E(t.Owner ?? "-"), CareNames.Name(t.Status));
        }
        console.Write(table);
        console.WriteLine($"{tasks.Count} task(s).");
    }

    /// <summary>Writes RFC 4180 CSV (CRLF line ends, quoted only where needed) with <see cref="CsvColumns"/> as the header.</summary>
    internal static void WriteCsv(TextWriter output, IReadOnlyList<CareTask> tasks)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in CsvColumns) csv.WriteField(column);
        csv.EndRecord();
        foreach (var t in tasks)
        {
            csv.WriteField(t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.WriteField(t.Customer.Value);
            csv.WriteField(t.Rule);
            csv.WriteField(t.OccasionKey);
            csv.WriteField(t.Channel.Name);
            csv.WriteField(CareNames.Iso(t.Due));
            csv.WriteField(CareNames.Iso(t.ProposedDue));
            csv.WriteField(CareNames.Name(t.Priority));
            csv.WriteField(t.Owner ?? "");
            csv.WriteField(CareNames.Name(t.Status));
            csv.WriteField(CareNames.Iso(t.CreatedAt));
            csv.WriteField(CareNames.Iso(t.ClosedAt));
            csv.WriteField(t.Outcome ?? "");
            csv.WriteField(t.Note ?? "");
            csv.EndRecord();
        }
    }

    private static string E(string text) => Printable.Markup(text);
}
