using System.CommandLine;
using System.Globalization;

namespace CrmKit.Cli;

/// <summary>
/// <c>crmkit care complete ID</c> and <c>crmkit care decline ID</c>: closing a task from the call
/// list. Each records the care contact as an interaction and withdraws the occasion's open tasks
/// on other channels (the closed loop), in one transaction.
/// </summary>
internal static class CareCloseCommands
{
    internal static Command Complete(TextWriter output, TextWriter error) => Close(output, error,
        "complete", "Mark an open care task done: records the contact and withdraws the occasion's tasks on other channels.",
        "--outcome", "How the contact went, for example reached or left-voicemail.",
        (crm, id, text, actor, at) => crm.Care.Complete(id, text, actor, at));

    internal static Command Decline(TextWriter output, TextWriter error) => Close(output, error,
        "decline", "Record that the customer declined an open task's occasion: records the contact and withdraws the occasion's tasks on other channels.",
        "--reason", "Why the customer declined, for example not-interested.",
        (crm, id, text, actor, at) => crm.Care.Decline(id, text, actor, at));

    private static Command Close(TextWriter output, TextWriter error, string name, string description,
        string textOption, string textDescription, Func<CrmDatabase, long, string, string, DateTimeOffset?, CareTask> close)
    {
        var db = CliSession.DbOption();
        var id = new Argument<long>("ID") { Description = "The task id, as `care tasks` lists it." };
        var text = new Option<string>(textOption) { Description = textDescription, Required = true };
        var actor = new Option<string>("--actor")
        {
            Description = "Who closed the task (default: cli).",
            DefaultValueFactory = _ => "cli",
        };
        var at = new Option<string?>("--at")
        {
            Description = "When the contact was made, ISO-8601 (for example 2026-12-01T09:30:00+08:00), for contacts recorded afterwards; now when omitted.",
        };
        var command = new Command(name, description) { id, db, text, actor, at };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            DateTimeOffset? when = null;
            if (p.GetValue(at) is { } atText)
            {
                if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    session.Fail($"--at '{atText}' is not an ISO-8601 instant.");
                    return CrmKitCli.UsageError;
                }
                when = parsed;
            }
            return session.Run(p.GetValue(db)!, crm =>
            {
                var task = close(crm, p.GetValue(id), p.GetValue(text)!, p.GetValue(actor)!, when);
                var withdrawn = crm.Care.For(task.Customer)
                    .Count(t => t.OccasionKey == task.OccasionKey && t.Rule == task.Rule && t.Status == CareTaskStatus.Withdrawn);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Task {task.Id} ({task.Rule}, {task.Customer}, {task.Channel.Name}) is {CareNames.Name(task.Status)}; {withdrawn} task(s) of the occasion on other channels are withdrawn."));
                return CrmKitCli.Success;
            });
        });
        return command;
    }
}
