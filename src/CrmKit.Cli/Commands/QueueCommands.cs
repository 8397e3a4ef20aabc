using System.CommandLine;

namespace CrmKit.Cli;

/// <summary><c>crmkit queue</c>: open care tasks and active cases by channel, owner, team and due time; and <c>crmkit queue history</c>, who held what.</summary>
internal static class QueueCommands
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var channel = new Option<string?>("--channel") { Description = "Only items on this channel." };
        var owner = new Option<string?>("--owner") { Description = "Only items this owner holds." };
        var team = new Option<string?>("--team") { Description = "Only items held by members of this team (teams are in the routing settings)." };
        var unowned = new Option<bool>("--unowned") { Description = "Only items nobody holds yet, waiting to be claimed." };
        var kind = new Option<string?>("--kind") { Description = "Only tasks or only cases." };
        kind.AcceptOnlyFromAmong("task", "case");
        var dueBefore = new Option<string?>("--due-before") { Description = "Only items due before this instant, ISO-8601." };
        var csv = new Option<bool>("--csv") { Description = "Write CSV (RFC 4180) instead of a table." };
        var command = new Command("queue", "Open care tasks and active cases, by due time then priority: what is waiting, for whom, on which channel.")
        {
            db, channel, owner, team, unowned, kind, dueBefore, csv, History(output, error),
        };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            if (!AttemptCommands.TryInstant(session, p.GetValue(dueBefore), "--due-before", out var before)) return CrmKitCli.UsageError;
            return session.Read(p.GetValue(db)!, crm =>
            {
                var items = crm.Queues.Open(new QueueQuery
                {
                    Channel = p.GetValue(channel) is { } c ? new Channel(c) : (Channel?)null,
                    Owner = p.GetValue(owner),
                    Team = p.GetValue(team),
                    Unowned = p.GetValue(unowned),
                    Kind = p.GetValue(kind) switch { "task" => WorkItemKind.Task, "case" => WorkItemKind.Case, _ => null },
                    DueBefore = before,
                });
                if (p.GetValue(csv)) QueueListing.WriteCsv(output, items);
                else QueueListing.WriteTable(session.Console, items);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command History(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var customer = new Option<string?>("--customer") { Description = "Every owner change of this customer and its care tasks." };
        var task = new Option<long?>("--task") { Description = "Every owner change of this care task." };
        var command = new Command("history", "Who held a customer or a care task, change by change (cases keep theirs in `case show`).") { db, customer, task };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            if ((p.GetValue(customer) is null) == (p.GetValue(task) is null))
            {
                session.Fail("give either --customer CODE or --task ID.");
                return CrmKitCli.UsageError;
            }
            return session.Read(p.GetValue(db)!, crm =>
            {
                var changes = p.GetValue(task) is { } id ? crm.Queues.TaskOwnerHistory(id) : crm.Queues.OwnerHistory(p.GetValue(customer)!);
                QueueListing.WriteHistory(session.Console, changes);
                return CrmKitCli.Success;
            });
        });
        return command;
    }
}
