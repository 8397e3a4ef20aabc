using System.CommandLine;

namespace CrmKit.Cli;

/// <summary>
/// <c>crmkit care tasks</c> and <c>crmkit care suppressions</c>: what the sweeps made and what the
/// contact policy held back, as a table for people or as CSV for other tools.
/// </summary>
internal static class CareListCommands
{
    internal static Command Tasks(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var status = new Option<string>("--status")
        {
            Description = "Which tasks: open (the default), done, declined, expired, withdrawn or all.",
            DefaultValueFactory = _ => "open",
        };
        status.AcceptOnlyFromAmong(CareNames.StatusChoices);
        var customer = new Option<string?>("--customer") { Description = "Only this customer's tasks (a merged-away code shows its survivor's)." };
        var csv = Csv();
        var command = new Command("tasks", "List care tasks by due time: customer, rule, occasion, channel, due, priority, owner, status.") { db, status, customer, csv };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var tasks = TaskListing.Find(crm, CareNames.ParseStatus(p.GetValue(status)!), p.GetValue(customer));
                if (p.GetValue(csv)) TaskListing.WriteCsv(output, tasks);
                else TaskListing.WriteTable(session.Console, tasks);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Command Suppressions(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var customer = new Option<string?>("--customer") { Description = "Only this customer's suppressions." };
        var rule = new Option<string?>("--rule") { Description = "Only this rule's suppressions (for example birthday)." };
        var csv = Csv();
        var command = new Command("suppressions", "List the care proposals the contact policy held back and the tasks it withdrew, each with its reason.")
        {
            db, customer, rule, csv,
        };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var suppressions = SuppressionListing.Find(crm, p.GetValue(customer), p.GetValue(rule));
                if (p.GetValue(csv)) SuppressionListing.WriteCsv(output, suppressions);
                else SuppressionListing.WriteTable(session.Console, suppressions);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Option<bool> Csv() => new("--csv") { Description = "Write RFC 4180 CSV to standard output instead of a table." };
}
