using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>How many customers are in each lifecycle stage, and their share.</summary>
internal sealed class StageSection : IReportSection
{
    public string Title => "Lifecycle stages";

    public void Write(CrmDatabase crm, IAnsiConsole console)
    {
        var counts = crm.Customers.CountByStage();
        var total = counts.Sum(c => c.Value);
        var table = new Table()
            .AddColumn("Stage")
            .AddColumn(new TableColumn("Customers").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned());
        foreach (var (stage, count) in counts)
            table.AddRow(Printable.Markup(stage.Name), count.ToString("N0", Report.Culture), Report.Share(count, total));
        console.Write(table);
    }
}
