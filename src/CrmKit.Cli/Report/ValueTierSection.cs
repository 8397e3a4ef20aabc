using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>Customers per value tier, their lifetime value and the customer equity, from the latest stored value fit.</summary>
internal sealed class ValueTierSection : IReportSection
{
    public string Title => "Value tiers";

    public void Write(CrmDatabase crm, IAnsiConsole console)
    {
        var fit = crm.Value.LatestFit();
        if (fit is null)
        {
            console.WriteLine("No value fit stored yet; make one with 'crmkit value fit --calibration-end DATE'.");
            return;
        }
        var values = crm.Value.All();
        console.Write(ValueTables.Tiers(values));
        console.WriteLine($"Fitted on the calibration window ending {fit.Calibration.End:yyyy-MM-dd}; customer equity {ValueTables.Money(crm.Value.CustomerEquity())}.");
    }
}
