using System.CommandLine;
using System.Globalization;

namespace CrmKit.Cli;

/// <summary>
/// <c>crmkit care attempt ID</c>, <c>crmkit case attempt ID</c> and <c>crmkit care settle</c>:
/// recording calls that did or did not get through, with the retry they lead to, and one call that
/// settled several occasions.
/// </summary>
internal static class AttemptCommands
{
    /// <summary>The outcomes <c>--outcome</c> accepts, as interactions record them.</summary>
    internal static readonly string[] Outcomes = ["reached", "no-answer", "busy", "wrong-number", "callback-requested"];

    internal static Command ForTask(TextWriter output, TextWriter error) => Attempt(output, error, "The task id, as `care tasks` or `queue` lists it.",
        "Record a contact attempt on an open care task; a failed one is retried as the contact policy's retry policy says, and a task whose attempts run out becomes unreachable.",
        (crm, id, outcome, actor, details) => crm.Care.Attempt(id, outcome, actor, details));

    internal static Command ForCase(TextWriter output, TextWriter error) => Attempt(output, error, "The case id, as `case list` or `queue` lists it.",
        "Record a contact attempt on an active case; reaching the customer counts as a response.",
        (crm, id, outcome, actor, details) => crm.Cases.Attempt(id, outcome, actor, details));

    private static Command Attempt(TextWriter output, TextWriter error, string idDescription, string description,
        Func<CrmDatabase, long, AttemptOutcome, string, AttemptDetails, AttemptResult> attempt)
    {
        var db = CliSession.DbOption();
        var id = new Argument<long>("ID") { Description = idDescription };
        var outcome = new Option<string>("--outcome") { Description = "How it ended: " + string.Join(", ", Outcomes) + ".", Required = true };
        outcome.AcceptOnlyFromAmong(Outcomes);
        var channel = new Option<string?>("--channel") { Description = "The channel actually used (default: the task's or case's)." };
        var at = At("When the attempt was made");
        var callback = new Option<string?>("--callback-at") { Description = "When the customer asked to be called back, ISO-8601 (with --outcome callback-requested)." };
        var note = new Option<string?>("--note") { Description = "A note about the attempt." };
        var actor = Actor("Who made the attempt");
        var command = new Command("attempt", description) { id, db, outcome, channel, at, callback, note, actor };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            if (!TryInstant(session, p.GetValue(at), "--at", out var when) || !TryInstant(session, p.GetValue(callback), "--callback-at", out var callbackAt))
                return CrmKitCli.UsageError;
            return session.Run(p.GetValue(db)!, crm =>
            {
                var details = new AttemptDetails
                {
                    Channel = p.GetValue(channel) is { } c ? new Channel(c) : (Channel?)null,
                    At = when,
                    CallbackAt = callbackAt,
                    Note = p.GetValue(note),
                };
                var result = attempt(crm, p.GetValue(id), ContactAttempt.ParseOutcome(p.GetValue(outcome))!.Value, p.GetValue(actor)!, details);
                output.WriteLine(Describe(result));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    /// <summary>What an attempt did, in a sentence: the retry it leads to, or why there is none.</summary>
    internal static string Describe(AttemptResult result)
    {
        var a = result.Attempt;
        var what = a.Task is { } task ? $"task {task}" : $"case {a.Case}";
        var head = string.Create(CultureInfo.InvariantCulture, $"Attempt {a.Id} on {what}: {a.OutcomeText} on {a.Channel.Name} at {CareNames.Iso(a.At)}.");
        var next = result.Retry.Verdict switch
        {
            RetryVerdict.Retry => $" Next attempt at {CareNames.Iso(result.Retry.NextAt)} ({Printable.Message(result.Retry.Reason)}).",
            RetryVerdict.Reached when result.Task is { } t => $" Reached: complete or decline task {t.Id.ToString(CultureInfo.InvariantCulture)}.",
            RetryVerdict.Reached => " Reached.",
            _ when result.Task is { } t => $" Task {t.Id.ToString(CultureInfo.InvariantCulture)} is {CareNames.Name(t.Status)}: {Printable.Message(result.Retry.Reason)}.",
            _ => $" No retry: {Printable.Message(result.Retry.Reason)}.",
        };
        return head + next;
    }

    internal static Command Settle(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var done = new Option<string[]>("--done")
        {
            Description = "A task the contact settled and its outcome, ID=OUTCOME (for example 12=renewed). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var declined = new Option<string[]>("--declined")
        {
            Description = "A task whose occasion the customer declined and why, ID=REASON. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var channel = new Option<string?>("--channel") { Description = "The channel used (default: the first task's)." };
        var at = At("When the contact was made");
        var actor = Actor("Who made the contact");
        var command = new Command("settle", "Record one contact that settled several occasions of one customer: each task closes with its own outcome, the occasions' tasks on other channels are withdrawn.")
        {
            db, done, declined, channel, at, actor,
        };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            if (!TryInstant(session, p.GetValue(at), "--at", out var when)) return CrmKitCli.UsageError;
            var settled = new List<TaskSettlement>();
            foreach (var (texts, isDeclined, name) in new[] { (p.GetValue(done) ?? [], false, "--done"), (p.GetValue(declined) ?? [], true, "--declined") })
            {
                foreach (var text in texts)
                {
                    var eq = text.IndexOf('=');
                    if (eq <= 0 || eq == text.Length - 1 || !long.TryParse(text.AsSpan(0, eq), NumberStyles.None, CultureInfo.InvariantCulture, out var task))
                    {
                        session.Fail($"{name} '{Printable.Message(text)}' is not ID=TEXT (for example 12=renewed).");
                        return CrmKitCli.UsageError;
                    }
                    settled.Add(new TaskSettlement(task, text[(eq + 1)..], isDeclined));
                }
            }
            if (settled.Count == 0)
            {
                session.Fail("give at least one --done or --declined task.");
                return CrmKitCli.UsageError;
            }
            return session.Run(p.GetValue(db)!, crm =>
            {
                var closed = crm.Care.Settle(settled, p.GetValue(actor)!, p.GetValue(channel) is { } c ? new Channel(c) : (Channel?)null, when);
                foreach (var t in closed)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Task {t.Id} ({Printable.Message(t.OccasionKey)}) is {CareNames.Name(t.Status)}: {Printable.Message(t.Outcome ?? "")}."));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One contact settled {closed.Count} occasion(s) of {Printable.Message(closed[0].Customer.Value)}."));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Option<string?> At(string what) => new("--at") { Description = what + ", ISO-8601 (for example 2026-12-01T09:30:00+08:00); now when omitted." };

    internal static Option<string> Actor(string what) => new("--actor") { Description = what + " (default: cli).", DefaultValueFactory = _ => "cli" };

    /// <summary>Parses an optional ISO-8601 instant, reporting a bad one (usage error).</summary>
    internal static bool TryInstant(CliSession session, string? text, string option, out DateTimeOffset? value)
    {
        value = null;
        if (text is null) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }
        session.Fail($"{option} '{Printable.Message(text)}' is not an ISO-8601 instant.");
        return false;
    }
}
