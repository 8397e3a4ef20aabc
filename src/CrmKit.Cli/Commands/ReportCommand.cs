using System.CommandLine;
using CrmKit.Reports;

namespace CrmKit.Cli;

/// <summary>
/// The <c>crmkit report</c> command: the database at a glance, section by section, in the terminal; or,
/// with <c>--html FILE</c>, as one self-contained page of charts and tables (<see cref="ReportBook"/>).
/// </summary>
internal static class ReportCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = DatabaseOption.Create();
        var html = new Option<string?>("--html")
        {
            Description = "Write the report as one self-contained HTML page of charts and tables to this file (it opens offline). An existing file is replaced only with --force; the database's own files never.",
        };
        var force = new Option<bool>("--force") { Description = "Replace the --html file if it exists." };
        var from = new Option<string?>("--from") { Description = "With --html: the period's start, ISO-8601 (default: the start of the month eleven months ago)." };
        var to = new Option<string?>("--to") { Description = "With --html: the period's end, ISO-8601, not included (default: now)." };
        var zone = new Option<string>("--zone") { Description = "With --html: the time zone of days, weeks and months (default: UTC).", DefaultValueFactory = _ => "UTC" };
        var title = new Option<string?>("--title") { Description = "With --html: the page's title (default: Customer report)." };
        var command = new Command("report", "Summarise the database: customer and interaction counts, lifecycle stages, value tiers; --html for a page of charts; `report rates` for the rates.")
        {
            db, html, force, from, to, zone, title, RateCommand.Create(output, error),
        };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            if (parsed.GetValue(html) is not { } path)
            {
                using var crm = DatabaseOption.Open(parsed, db, readOnly: true);
                Report.Write(crm, Terminal.For(output), ReportSections.All);
                return CrmKitCli.Success;
            }
            var database = DatabaseOption.FileOf(parsed.GetValue(db));
            OutputFile.Check(path, parsed.GetValue(force), database);
            var options = Options(parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(zone)!, parsed.GetValue(title));
            using (var crm = DatabaseOption.Open(parsed, db, readOnly: true))
                OutputFile.Write(path, parsed.GetValue(force), stream => crm.Reports.WriteHtml(stream, options), database);
            output.WriteLine($"Wrote {Printable.Message(path)}.");
            return CrmKitCli.Success;
        }));
        return command;
    }

    private static ReportOptions Options(string? from, string? to, string zoneId, string? title)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) throw new CommandFailure(CrmKitCli.UsageError, $"--zone '{zoneId}' is not a time zone this machine knows.");
        var options = new ReportOptions { From = CampaignCommands.Instant(from, "--from"), To = CampaignCommands.Instant(to, "--to"), TimeZone = zone };
        return title is null ? options : options with { Title = title };
    }
}
