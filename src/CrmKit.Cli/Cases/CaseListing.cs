using System.Globalization;
using CsvHelper;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>Service cases as a queue table, as CSV for other tools, and one case in full with its history.</summary>
internal static class CaseListing
{
    /// <summary>The CSV columns, in order; their names are part of the CLI's contract.</summary>
    internal static readonly string[] CsvColumns =
        ["id", "customer", "category", "priority", "status", "owner", "level", "opened-at", "first-response-due", "first-response-at", "resolution-due", "escalations", "root-cause", "subject"];

    internal static void WriteTable(IAnsiConsole console, IReadOnlyList<ServiceCase> cases)
    {
        var table = new Table().AddColumns("Id", "Customer", "Category", "Priority", "Status", "Owner", "Level", "First response due", "Resolution due", "Escalated", "Subject");
        foreach (var c in cases)
        {
            table.AddRow(N(c.Id), E(c.Customer.Value), E(c.Category), CareNames.Name(c.Priority), CareNames.Name(c.Status), E(c.Owner ?? "-"), E(c.Level ?? "-"),
                FirstResponse(c), CareNames.Short(c.ResolutionDue),
                c.Escalations.Count == 0 ? "-" : string.Join(", ", c.Escalations.Select(e => CareNames.Name(e.Deadline))), E(c.Subject));
        }
        console.Write(table);
        console.WriteLine($"{cases.Count} case(s).");
    }

    /// <summary>When the first response is due, or that it came (late, when after its deadline).</summary>
    private static string FirstResponse(ServiceCase c) => c.FirstResponseAt switch
    {
        null => CareNames.Short(c.FirstResponseDue),
        { } at when at > c.FirstResponseDue => "answered late",
        _ => "answered",
    };

    internal static void WriteCsv(TextWriter output, IReadOnlyList<ServiceCase> cases)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in CsvColumns) csv.WriteField(column);
        csv.EndRecord();
        foreach (var c in cases)
        {
            csv.WriteField(N(c.Id));
            csv.WriteField(c.Customer.Value);
            csv.WriteField(c.Category);
            csv.WriteField(CareNames.Name(c.Priority));
            csv.WriteField(CareNames.Name(c.Status));
            csv.WriteField(c.Owner ?? "");
            csv.WriteField(c.Level ?? "");
            csv.WriteField(CareNames.Iso(c.OpenedAt));
            csv.WriteField(CareNames.Iso(c.FirstResponseDue));
            csv.WriteField(CareNames.Iso(c.FirstResponseAt));
            csv.WriteField(CareNames.Iso(c.ResolutionDue));
            csv.WriteField(N(c.Escalations.Count));
            csv.WriteField(c.Resolution?.RootCause ?? "");
            csv.WriteField(c.Subject);
            csv.EndRecord();
        }
    }

    internal static void WriteCase(IAnsiConsole console, ServiceCase c)
    {
        var facts = new Table().AddColumns("Field", "Value").HideHeaders();
        facts.AddRow("Case", N(c.Id));
        facts.AddRow("Customer", E(c.Customer.Value));
        facts.AddRow("Category / priority", $"{E(c.Category)} / {CareNames.Name(c.Priority)}");
        facts.AddRow("Status", CareNames.Name(c.Status));
        facts.AddRow("Owner / level", $"{E(c.Owner ?? "-")} / {E(c.Level ?? "-")}");
        facts.AddRow("Subject", E(c.Subject));
        facts.AddRow("First response", c.FirstResponseAt is { } at
            ? $"{CareNames.Short(at)} (due {CareNames.Short(c.FirstResponseDue)}{(at > c.FirstResponseDue ? ", late" : "")})"
            : $"due {CareNames.Short(c.FirstResponseDue)}");
        facts.AddRow("Resolution due", CareNames.Short(c.ResolutionDue));
        foreach (var e in c.Escalations)
        {
            facts.AddRow("Escalated", $"{CareNames.Name(e.Deadline)} due {CareNames.Short(e.Due)}: at {CareNames.Short(e.At)} to {E(e.Target.ToString())} by {E(e.Actor)}");
        }
        if (c.Resolution is { } r) facts.AddRow("Resolution", $"{E(r.RootCause)}: {E(r.Summary)}");
        console.Write(facts);
        var history = new Table().AddColumns("When", "Change", "From", "To", "Owner", "Who", "Note");
        foreach (var h in c.History)
        {
            history.AddRow(CareNames.Short(h.At), CareNames.Name(h.Kind), h.From is { } f ? CareNames.Name(f) : "-", CareNames.Name(h.To),
                E(h.ToOwner ?? "-"), E(h.Actor), E(h.Note ?? ""));
        }
        console.Write(history);
    }

    internal static void WriteFigures(IAnsiConsole console, IReadOnlyList<CaseFigures> figures)
    {
        var table = new Table().AddColumns("Cut", "Cases", "Open", "First response met", "Resolution met", "Median to first response", "Median to resolution");
        foreach (var f in figures)
        {
            table.AddRow(E(f.Key), N(f.Cases), N(f.Open), Share(f.FirstResponseMet), Share(f.ResolutionMet),
                f.TimeToFirstResponse is { } a ? Span(a.Median) : "-", f.TimeToResolution is { } b ? Span(b.Median) : "-");
        }
        console.Write(table);
    }

    private static string Share(Rate rate) => rate.Denominator == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{rate.Numerator}/{rate.Denominator}");

    private static string Span(TimeSpan span) => span.ToString(span.TotalDays >= 1 ? @"d\.hh\:mm" : @"hh\:mm", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => Printable.Markup(text);
}
