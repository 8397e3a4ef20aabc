using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>Care tasks by status and suppressions by reason.</summary>
internal sealed class CareSection : IReportSection
{
    public string Title => "Care tasks";

    public void Write(CrmDatabase crm, IAnsiConsole console)
    {
        var tasks = new Table().AddColumn("Status").AddColumn(new TableColumn("Tasks").RightAligned());
        foreach (var (status, count) in crm.Care.CountByStatus()) tasks.AddRow(status.ToString(), count.ToString("N0", Report.Culture));
        console.Write(tasks);

        var suppressed = crm.Care.SuppressionsByReason();
        if (suppressed.Count == 0)
        {
            console.MarkupLine("No suppressions recorded.");
            return;
        }
        var reasons = new Table().AddColumn("Suppressed because").AddColumn(new TableColumn("Count").RightAligned());
        foreach (var (reason, count) in suppressed) reasons.AddRow(reason.ToString(), count.ToString("N0", Report.Culture));
        console.Write(reasons);
    }
}
