using System.Globalization;
using CsvHelper;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>Work queues, owner histories and reassignments as tables and CSV.</summary>
internal static class QueueListing
{
    /// <summary>The queue's CSV columns, in order; their names are part of the CLI's contract.</summary>
    internal static readonly string[] CsvColumns = ["kind", "id", "customer", "channel", "owner", "team", "due", "priority", "attempts", "subject"];

    internal static void WriteTable(IAnsiConsole console, IReadOnlyList<WorkItem> items)
    {
        var table = new Table().AddColumns("Kind", "Id", "Customer", "Channel", "Owner", "Team", "Due", "Priority", "Attempts", "Subject");
        foreach (var i in items)
        {
            table.AddRow(CareNames.Name(i.Kind), N(i.Id), E(i.Customer.Value), E(i.Channel.Name), E(i.Owner ?? "-"), E(i.Team ?? "-"), CareNames.Short(i.Due),
                CareNames.Name(i.Priority), N(i.Attempts), E(i.Subject));
        }
        console.Write(table);
        console.WriteLine($"{items.Count} item(s): {items.Count(i => i.Kind == WorkItemKind.Task)} task(s), {items.Count(i => i.Kind == WorkItemKind.Case)} case(s).");
    }

    /// <summary>Writes RFC 4180 CSV with <see cref="CsvColumns"/> as the header.</summary>
    internal static void WriteCsv(TextWriter output, IReadOnlyList<WorkItem> items)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in CsvColumns) csv.WriteField(column);
        csv.EndRecord();
        foreach (var i in items)
        {
            foreach (var field in new[] { CareNames.Name(i.Kind), N(i.Id), i.Customer.Value, i.Channel.Name, i.Owner ?? "", i.Team ?? "", CareNames.Iso(i.Due),
                CareNames.Name(i.Priority), N(i.Attempts), i.Subject })
                csv.WriteField(field);
            csv.EndRecord();
        }
    }

    /// <summary>Writes what a reassignment moved as CSV: <c>kind, customer, id, to</c>.</summary>
    internal static void WriteCsv(TextWriter output, ReassignResult result)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in new[] { "kind", "customer", "id", "to" }) csv.WriteField(column);
        csv.EndRecord();
        foreach (var m in result.Moved)
        {
            csv.WriteField(m.Task is not null ? "task" : m.Case is not null ? "case" : "customer");
            csv.WriteField(m.Customer.Value);
            csv.WriteField(m.Task is { } t ? N(t) : m.Case is { } c ? N(c) : "");
            csv.WriteField(m.To);
            csv.EndRecord();
        }
    }

    internal static void WriteHistory(IAnsiConsole console, IReadOnlyList<OwnerChange> changes)
    {
        var table = new Table().AddColumns("At", "Customer", "Task", "Change", "From", "To", "By", "Note");
        foreach (var c in changes)
        {
            table.AddRow(CareNames.Short(c.At), E(c.Customer.Value), c.Task is { } t ? N(t) : "-", CareNames.Name(c.Kind), E(c.From ?? "-"), E(c.To ?? "-"),
                E(c.Actor), E(c.Note ?? ""));
        }
        console.Write(table);
        console.WriteLine($"{changes.Count} owner change(s).");
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => Printable.Markup(text);
}
