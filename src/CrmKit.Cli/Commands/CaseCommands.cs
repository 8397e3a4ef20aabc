using System.CommandLine;
using System.Globalization;

namespace CrmKit.Cli;

/// <summary>
/// <c>crmkit case …</c>: complaints, service requests and inquiries, from opening to closing, with
/// deadlines from the database's case policy, escalation, and a queue to work from.
/// </summary>
internal static class CaseCommands
{
    internal static Command Create(TextWriter output, TextWriter error) => new("case", "Service cases: open, assign, transfer, claim, attempt, start, respond, wait, resolve, close, reopen, escalate, list, show and figures.")
    {
        Open(output, error),
        WithOwner(output, error, "assign", "Give an open case to an owner.", (crm, id, owner, actor, note) => crm.Cases.Assign(id, owner, actor, note)),
        WithOwner(output, error, "transfer", "Move a case to another owner, keeping its status.", (crm, id, owner, actor, note) => crm.Cases.Transfer(id, owner, actor, note)),
        Step(output, error, "start", "Start work on an assigned case, or resume it after the customer answered.", (crm, id, actor, note) => crm.Cases.Start(id, actor, note)),
        Step(output, error, "respond", "Record a response to the customer (the first one meets the first-response deadline).", (crm, id, actor, note) => crm.Cases.Respond(id, actor, note)),
        Step(output, error, "wait", "Park a case until the customer answers.", (crm, id, actor, note) => crm.Cases.AwaitCustomer(id, actor, note)),
        Step(output, error, "close", "Close a resolved case.", (crm, id, actor, note) => crm.Cases.Close(id, actor, note)),
        Resolve(output, error),
        Reopen(output, error),
        OwnerCommands.ClaimCase(output, error),
        AttemptCommands.ForCase(output, error),
        CaseQueueCommands.Escalate(output, error),
        CaseQueueCommands.List(output, error),
        CaseQueueCommands.Show(output, error),
        CaseQueueCommands.Figures(output, error),
    };

    private static Command Open(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var customer = new Argument<string>("CUSTOMER") { Description = "The customer's code." };
        var category = new Option<string>("--category") { Description = "The category, for example complaint, request or inquiry.", Required = true };
        var subject = new Option<string>("--subject") { Description = "What the case is about.", Required = true };
        var priority = new Option<string>("--priority") { Description = "low, normal (the default), high or urgent.", DefaultValueFactory = _ => "normal" };
        priority.AcceptOnlyFromAmong([.. Enum.GetValues<TaskPriority>().Select(p => CareNames.Name(p))]);
        var channel = new Option<string>("--channel") { Description = "The channel it came in on (default: phone).", DefaultValueFactory = _ => "phone" };
        var tier = new Option<string?>("--tier") { Description = "The customer's tier, when the case policy's deadlines depend on it." };
        var actor = Actor();
        var at = AttemptCommands.At("When the case came in, for one recorded afterwards (not later than now); its deadlines count from then");
        var command = new Command("open", "Open a case for a customer; its deadlines come from the case policy.") { customer, db, category, subject, priority, channel, tier, actor, at };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            if (!AttemptCommands.TryInstant(session, p.GetValue(at), "--at", out var openedAt)) return CrmKitCli.UsageError;
            return session.Run(p.GetValue(db)!, crm =>
            {
                var opened = crm.Cases.Open(p.GetValue(customer)!, p.GetValue(category)!, Enum.Parse<TaskPriority>(p.GetValue(priority)!, ignoreCase: true),
                    p.GetValue(subject)!, new Channel(p.GetValue(channel)!), p.GetValue(actor)!, p.GetValue(tier), openedAt);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Case {opened.Id} opened for {Printable.Message(opened.Customer.Value)}: first response due {CareNames.Iso(opened.FirstResponseDue)}, resolution due {CareNames.Iso(opened.ResolutionDue)}."));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command WithOwner(TextWriter output, TextWriter error, string name, string description, Func<CrmDatabase, long, string, string, string?, ServiceCase> change)
    {
        var owner = new Argument<string>("OWNER") { Description = "Who takes the case." };
        return Change(output, error, name, description, [owner], (crm, p, id, actor, note) => change(crm, id, p.GetValue(owner)!, actor, note));
    }

    private static Command Step(TextWriter output, TextWriter error, string name, string description, Func<CrmDatabase, long, string, string?, ServiceCase> change) =>
        Change(output, error, name, description, [], (crm, _, id, actor, note) => change(crm, id, actor, note));

    private static Command Resolve(TextWriter output, TextWriter error)
    {
        var cause = new Option<string>("--cause") { Description = "The root cause (the pain point behind the case), for example billing-error.", Required = true };
        var summary = new Option<string>("--summary") { Description = "What was done.", Required = true };
        var db = CliSession.DbOption();
        var id = Id();
        var actor = Actor();
        var command = new Command("resolve", "Resolve a case with its root cause; its satisfaction check becomes a care task through the contact policy.") { id, db, cause, summary, actor };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var resolved = crm.Cases.Resolve(p.GetValue(id), p.GetValue(cause)!, p.GetValue(summary)!, p.GetValue(actor)!);
                var followUp = resolved.FollowUp is { } t
                    ? string.Create(CultureInfo.InvariantCulture, $"satisfaction check task {t.Id} due {CareNames.Iso(t.Due)} on {t.Channel.Name}.")
                    : "the contact policy held back its satisfaction check (see care suppressions).";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Case {resolved.Case.Id} is resolved; {followUp}"));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command Reopen(TextWriter output, TextWriter error)
    {
        var reason = new Option<string>("--reason") { Description = "Why the case is reopened.", Required = true };
        return Change(output, error, "reopen", "Reopen a resolved or closed case; it goes back to its owner.", [reason],
            (crm, p, id, actor, _) => crm.Cases.Reopen(id, actor, p.GetValue(reason)!), withNote: false);
    }

    private static Command Change(TextWriter output, TextWriter error, string name, string description, Symbol[] extra,
        Func<CrmDatabase, ParseResult, long, string, string?, ServiceCase> change, bool withNote = true)
    {
        var db = CliSession.DbOption();
        var id = Id();
        var actor = Actor();
        var note = new Option<string?>("--note") { Description = "A note for the case's history." };
        var command = new Command(name, description) { id };
        foreach (var symbol in extra)
        {
            if (symbol is Argument a) command.Add(a);
            else if (symbol is Option o) command.Add(o);
        }
        command.Add(db);
        command.Add(actor);
        if (withNote) command.Add(note);
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var changed = change(crm, p, p.GetValue(id), p.GetValue(actor)!, withNote ? p.GetValue(note) : null);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Case {changed.Id} is {CareNames.Name(changed.Status)}, owner {Printable.Message(changed.Owner ?? "-")}."));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Argument<long> Id() => new("ID") { Description = "The case id, as `case list` shows it." };

    private static Option<string> Actor() => new("--actor") { Description = "Who made the change (default: cli).", DefaultValueFactory = _ => "cli" };
}
