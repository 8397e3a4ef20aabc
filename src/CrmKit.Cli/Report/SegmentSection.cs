using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>Every stored segment with its stored membership size.</summary>
internal sealed class SegmentSection : IReportSection
{
    public string Title => "Segments";

    public void Write(CrmDatabase crm, IAnsiConsole console)
    {
        var segments = crm.Segments.All();
        if (segments.Count == 0)
        {
            console.MarkupLine("No segments defined. Define one with [bold]crmkit segment define[/].");
            return;
        }
        var customers = crm.Customers.Count();
        var table = new Table()
            .AddColumn("Segment")
            .AddColumn("Description")
            .AddColumn(new TableColumn("Members").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned());
        foreach (var segment in segments)
        {
            var members = 0;
            for (var page = new PageRequest(0, 10_000); ; page = page.Next)
            {
                var result = crm.Segments.Members(segment.Name, page);
                members += result.Items.Count;
                if (!result.HasMore) break;
            }
            table.AddRow(Printable.Markup(segment.Name), Printable.Markup(segment.Description), members.ToString("N0", Report.Culture), Report.Share(members, customers));
        }
        console.Write(table);
    }
}
