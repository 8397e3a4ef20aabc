using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>Customers per value tier and their lifetime value, from the latest stored value fit.</summary>
internal sealed class ValueTierSection : IReportSection
{
    public string Title => "Value tiers";

    public void Write(CrmDatabase crm, IAnsiConsole console)
    {
        var fit = crm.Value.LatestFit();
        if (fit is null)
        {
            console.WriteLine("No value fit stored yet.");
            return;
        }
        var values = crm.Value.All();
        var table = new Table()
            .AddColumn("Tier")
            .AddColumn(new TableColumn("Customers").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn(new TableColumn("Lifetime value").RightAligned());
        foreach (var tier in values.GroupBy(v => v.Tier).OrderBy(g => g.Key.Rank))
        {
            table.AddRow(
                Markup.Escape(tier.Key.Name),
                tier.Count().ToString("N0", Report.Culture),
                Report.Share(tier.Count(), values.Count),
                tier.Sum(v => v.LifetimeValue).ToString("N2", Report.Culture));
        }
        console.Write(table);
        console.WriteLine($"Fitted on the calibration window ending {fit.Calibration.End:yyyy-MM-dd}; customer equity {values.Sum(v => v.LifetimeValue).ToString("N2", Report.Culture)}.");
    }
}
