using System.CommandLine;
using System.Globalization;

namespace CrmKit.Cli;

/// <summary>
/// Who holds what from the command line: <c>crmkit care claim|assign|transfer</c>, <c>crmkit case
/// claim</c>, and <c>crmkit reassign</c> for everything a leaving owner holds. Every change is recorded.
/// </summary>
internal static class OwnerCommands
{
    internal static Command ClaimTask(TextWriter output, TextWriter error) => TaskChange(output, error, "claim",
        "Take an open task nobody holds, for --owner.", needsOwnerArgument: false,
        (crm, id, owner, _, note) => crm.Queues.ClaimTask(id, owner, note));

    internal static Command AssignTask(TextWriter output, TextWriter error) => TaskChange(output, error, "assign",
        "Give an open task nobody holds to an owner.", needsOwnerArgument: true,
        (crm, id, owner, actor, note) => crm.Queues.AssignTask(id, owner, actor, note));

    internal static Command TransferTask(TextWriter output, TextWriter error) => TaskChange(output, error, "transfer",
        "Move an open task to another owner (the store or desk that can act on it); the history keeps both.", needsOwnerArgument: true,
        (crm, id, owner, actor, note) => crm.Queues.TransferTask(id, owner, actor, note));

    private static Command TaskChange(TextWriter output, TextWriter error, string name, string description, bool needsOwnerArgument,
        Func<CrmDatabase, long, string, string, string?, CareTask> change)
    {
        var db = CliSession.DbOption();
        var id = new Argument<long>("ID") { Description = "The task id, as `care tasks` or `queue` lists it." };
        var ownerArgument = new Argument<string>("OWNER") { Description = "Who takes the task." };
        var ownerOption = new Option<string>("--owner") { Description = "Who claims the task.", Required = true };
        var actor = AttemptCommands.Actor("Who made the change");
        var note = new Option<string?>("--note") { Description = "Why, for the owner history." };
        var command = new Command(name, description) { id };
        if (needsOwnerArgument) command.Add(ownerArgument);
        else command.Add(ownerOption);
        command.Add(db);
        if (needsOwnerArgument) command.Add(actor);
        command.Add(note);
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var owner = needsOwnerArgument ? p.GetValue(ownerArgument)! : p.GetValue(ownerOption)!;
                var task = change(crm, p.GetValue(id), owner, needsOwnerArgument ? p.GetValue(actor)! : owner, p.GetValue(note));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Task {task.Id} ({Printable.Message(task.OccasionKey)}, {Printable.Message(task.Customer.Value)}) is held by {Printable.Message(task.Owner ?? "-")}."));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Command ClaimCase(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var id = CaseCommands.Id();
        var owner = new Option<string>("--owner") { Description = "Who claims the case.", Required = true };
        var note = new Option<string?>("--note") { Description = "A note for the case's history." };
        var command = new Command("claim", "Take an open case nobody holds yet, for --owner.") { id, db, owner, note };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var claimed = crm.Cases.Claim(p.GetValue(id), p.GetValue(owner)!, p.GetValue(note));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Case {claimed.Id} is {CareNames.Name(claimed.Status)}, owner {Printable.Message(claimed.Owner ?? "-")}."));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Command Reassign(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var from = new Option<string>("--from") { Description = "The leaving owner.", Required = true };
        var to = new Option<string?>("--to") { Description = "Who takes everything over." };
        var rule = new Option<string?>("--rule") { Description = "An assignment rule of the routing that places each customer, task and case instead (never back to --from)." };
        var actor = AttemptCommands.Actor("Who made the reassignment");
        var note = new Option<string?>("--note") { Description = "Why, for the history (default: 'FROM' left)." };
        var csv = new Option<bool>("--csv") { Description = "Write what moved as CSV (kind, customer, id, to) instead of a summary." };
        var command = new Command("reassign", "Move everything a leaving owner holds (customers, open care tasks, active cases) to another owner or by an assignment rule, with history.")
        {
            db, from, to, rule, actor, note, csv,
        };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            if ((p.GetValue(to) is null) == (p.GetValue(rule) is null))
            {
                session.Fail("give either --to OWNER or --rule NAME.");
                return CrmKitCli.UsageError;
            }
            return session.Run(p.GetValue(db)!, crm =>
            {
                var result = p.GetValue(to) is { } owner
                    ? crm.Queues.Reassign(p.GetValue(from)!, owner, p.GetValue(actor)!, p.GetValue(note))
                    : crm.Queues.ReassignByRule(p.GetValue(from)!, p.GetValue(rule)!, p.GetValue(actor)!, p.GetValue(note));
                if (p.GetValue(csv)) QueueListing.WriteCsv(output, result);
                else
                {
                    foreach (var group in result.Moved.GroupBy(m => m.To).OrderBy(g => g.Key, StringComparer.Ordinal))
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  to {Printable.Message(group.Key)}: {group.Count(m => m.Task is null && m.Case is null)} customer(s), {group.Count(m => m.Task is not null)} task(s), {group.Count(m => m.Case is not null)} case(s)"));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Reassigned {Printable.Message(result.From)}'s book: {result.Customers} customer(s), {result.Tasks} open task(s), {result.Cases} active case(s)."));
                }
                return CrmKitCli.Success;
            });
        });
        return command;
    }
}
