using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>How many customers and interactions the database holds.</summary>
internal sealed class OverviewSection : IReportSection
{
    public string Title => "Overview";

    public void Write(CrmDatabase crm, IAnsiConsole console)
    {
        var table = new Table().AddColumn("Figure").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("Customers", crm.Customers.Count().ToString("N0", Report.Culture));
        table.AddRow("Interactions", crm.Interactions.Count().ToString("N0", Report.Culture));
        console.Write(table);
    }
}
