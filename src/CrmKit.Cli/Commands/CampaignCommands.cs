using System.CommandLine;
using System.Globalization;

namespace CrmKit.Cli;

/// <summary>
/// The <c>crmkit campaign …</c> command group: create (from a plan file or a template), submit,
/// approve, cancel, complete, rehearse, run, evaluate, list, show and save-template.
/// </summary>
internal static class CampaignCommands
{
    internal static Command Create(TextWriter output, TextWriter error) => new("campaign", "Campaigns: plan, approve, rehearse, run with a holdout, and evaluate the uplift.")
    {
        CreateCommand(output, error),
        Step(output, error, "submit", "Submit a draft campaign for approval.", (crm, id, actor, reason, at) => crm.Campaigns.Submit(id, actor, reason, at)),
        Step(output, error, "approve", "Approve a submitted campaign; only an approved campaign runs.", (crm, id, actor, reason, at) => crm.Campaigns.Approve(id, actor, reason, at)),
        Step(output, error, "send-back", "Send a submitted campaign back to draft.", (crm, id, actor, reason, at) => crm.Campaigns.SendBack(id, actor, reason, at)),
        Step(output, error, "cancel", "Cancel a campaign before it completes; no new tasks are made for it.", (crm, id, actor, reason, at) => crm.Campaigns.Cancel(id, actor, reason, at)),
        Step(output, error, "complete", "Complete a running campaign.", (crm, id, actor, reason, at) => crm.Campaigns.Complete(id, actor, reason, at)),
        Rehearse(output, error),
        RunCommand(output, error),
        Evaluate(output, error),
        List(output, error),
        Show(output, error),
        SaveTemplate(output, error),
    };

    private static Argument<string> Id() => new("ID") { Description = "The campaign's id: lower-case letters, digits, '-', '_' or '.'." };

    private static Option<string> Actor() => new("--actor") { Description = "Who takes the step (default: cli).", DefaultValueFactory = _ => "cli" };

    private static Option<string?> At(string what) => new("--at") { Description = $"When {what}, ISO-8601 (for example 2026-12-01T09:00:00+08:00); now when omitted." };

    private static Option<bool> Csv() => new("--csv") { Description = "Write RFC 4180 CSV to standard output instead of tables." };

    /// <summary>The instant an <c>--at</c> value names, null when it was not given.</summary>
    /// <exception cref="CommandFailure">The value is not an instant (exit code 2).</exception>
    internal static DateTimeOffset? Instant(string? text, string option = "--at") =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new CommandFailure(CrmKitCli.UsageError, $"{option} '{text}' is not an ISO-8601 instant.");

    private static Command CreateCommand(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var id = Id();
        var plan = new Option<FileInfo?>("--plan") { Description = "The plan as a JSON file (fields in docs/cli.md)." };
        var template = new Option<string?>("--template") { Description = "Copy the plan of this template instead; give --start and --end for the new window." };
        var start = new Option<string?>("--start") { Description = "With --template: the window's start, ISO-8601." };
        var end = new Option<string?>("--end") { Description = "With --template: the window's end (not included), ISO-8601." };
        var actor = Actor();
        var at = At("the campaign is created");
        var command = new Command("create", "Create a draft campaign from a plan file or a template.") { id, db, plan, template, start, end, actor, at };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                Campaign campaign;
                if (p.GetValue(template) is { } name)
                {
                    var window = new CampaignWindow(Instant(p.GetValue(start), "--start") ?? throw new CommandFailure(CrmKitCli.UsageError, "--template needs --start."),
                        Instant(p.GetValue(end), "--end") ?? throw new CommandFailure(CrmKitCli.UsageError, "--template needs --end."));
                    campaign = crm.Campaigns.CreateFromTemplate(name, p.GetValue(id)!, window, p.GetValue(actor)!, Instant(p.GetValue(at)));
                }
                else
                {
                    var file = p.GetValue(plan) ?? throw new CommandFailure(CrmKitCli.UsageError, "give --plan FILE or --template NAME.");
                    campaign = crm.Campaigns.Create(p.GetValue(id)!, PlanFile.Read(file), p.GetValue(actor)!, Instant(p.GetValue(at)));
                }
                output.WriteLine($"Campaign '{campaign.Id}' ({Printable.Message(campaign.Plan.Name)}) is a draft; submit it for approval next.");
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command Step(TextWriter output, TextWriter error, string name, string description, Func<CrmDatabase, string, string, string, DateTimeOffset?, Campaign> step)
    {
        var db = CliSession.DbOption();
        var id = Id();
        var actor = Actor();
        var reason = new Option<string>("--reason") { Description = "Why, recorded with the step.", DefaultValueFactory = _ => "" };
        var at = At("the step is taken");
        var command = new Command(name, description) { id, db, actor, reason, at };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var campaign = step(crm, p.GetValue(id)!, p.GetValue(actor)!, p.GetValue(reason)!, Instant(p.GetValue(at)));
                output.WriteLine($"Campaign '{campaign.Id}' is {CareNames.Name(campaign.Status)}.");
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command Rehearse(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var id = Id();
        var at = At("to rehearse");
        var csv = Csv();
        var command = new Command("rehearse", "Dry-run a campaign on today's base: audience, split, what the contact policy lets through, cost. Writes nothing.") { id, db, at, csv };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var rehearsal = crm.Campaigns.Rehearse(p.GetValue(id)!, Instant(p.GetValue(at)));
                if (p.GetValue(csv)) CampaignListing.WriteRehearsalCsv(output, rehearsal);
                else CampaignListing.WriteRehearsal(session.Console, rehearsal);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command RunCommand(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var id = Id();
        var actor = Actor();
        var at = At("to run");
        var command = new Command("run", "Run an approved campaign: assign the audience (late joiners too), then give treated customers care tasks through the contact policy.")
        {
            id, db, actor, at,
        };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                CampaignListing.WriteRun(session.Console, crm.Campaigns.Run(p.GetValue(id)!, p.GetValue(actor)!, Instant(p.GetValue(at))));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command Evaluate(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var id = Id();
        var csv = Csv();
        var command = new Command("evaluate", "Evaluate a campaign against its holdout: per arm, uplift with 95% intervals (intent-to-treat and contacted), A/B.") { id, db, csv };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var evaluation = crm.Campaigns.Evaluate(p.GetValue(id)!);
                if (p.GetValue(csv)) EvaluationListing.WriteCsv(output, evaluation);
                else EvaluationListing.WriteTable(session.Console, evaluation);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var csv = Csv();
        var command = new Command("list", "List every campaign with its status and window.") { db, csv };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var campaigns = crm.Campaigns.All();
                if (p.GetValue(csv)) CampaignListing.WriteListCsv(output, campaigns);
                else CampaignListing.WriteList(session.Console, campaigns);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var id = Id();
        var assignments = new Option<bool>("--assignments") { Description = "Show the recorded assignments (with --csv: one row per customer)." };
        var csv = Csv();
        var command = new Command("show", "Show a campaign's plan, offers and lifecycle history (who, when, why), or its assignments.") { id, db, assignments, csv };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var campaign = crm.Campaigns.Get(p.GetValue(id)!);
                if (p.GetValue(assignments))
                {
                    var list = crm.Campaigns.Assignments(campaign.Id);
                    if (p.GetValue(csv)) CampaignListing.WriteAssignmentsCsv(output, list);
                    else CampaignListing.WriteAssignments(session.Console, list);
                }
                else if (p.GetValue(csv)) CampaignListing.WriteHistoryCsv(output, campaign);
                else CampaignListing.WriteShow(session.Console, campaign);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command SaveTemplate(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var id = Id();
        var name = new Option<string>("--name") { Description = "The template's name.", Required = true };
        var description = new Option<string?>("--description") { Description = "What the template is for." };
        var command = new Command("save-template", "Keep a campaign's plan in the plan library under a name.") { id, db, name, description };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var template = crm.Campaigns.SaveAsTemplate(p.GetValue(id)!, p.GetValue(name)!, p.GetValue(description));
                output.WriteLine($"Template '{template.Name}' keeps the plan of campaign '{p.GetValue(id)}'.");
                return CrmKitCli.Success;
            });
        });
        return command;
    }
}
