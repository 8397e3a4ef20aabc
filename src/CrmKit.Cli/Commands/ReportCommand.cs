using System.CommandLine;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit report</c> command: the database at a glance, section by section.</summary>
internal static class ReportCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = DatabaseOption.Create();
        var command = new Command("report", "Summarise the database: customer and interaction counts, lifecycle stages, value tiers; `report rates` for the rates.") { db, RateCommand.Create(output, error) };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            using var crm = DatabaseOption.Open(parsed, db, readOnly: true);
            Report.Write(crm, Terminal.For(output), ReportSections.All);
            return CrmKitCli.Success;
        }));
        return command;
    }
}
