using System.CommandLine;
using System.Globalization;
using CrmKit.Storage;

namespace CrmKit.Cli;

/// <summary><c>crmkit case escalate|list|show|figures</c>: the queue of cases, one case in full, and how deadlines are kept.</summary>
internal static class CaseQueueCommands
{
    internal static Command Escalate(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var at = AttemptCommands.At("Escalate as of this instant (not later than now, nor before the last change of a case it escalates)");
        var command = new Command("escalate", "Escalate every active case whose deadline has passed, once per deadline, to the level or owner the case policy names.") { db, at };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            if (!AttemptCommands.TryInstant(session, p.GetValue(at), "--at", out var when)) return CrmKitCli.UsageError;
            return session.Run(p.GetValue(db)!, crm =>
            {
                var escalated = crm.Cases.Escalate(when);
                foreach (var c in escalated)
                {
                    foreach (var e in c.Escalations.Where(e => e.At == c.History[^1].At))
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"Case {c.Id} ({Printable.Message(c.Customer.Value)}): {CareNames.Name(e.Deadline)} was due {CareNames.Iso(e.Due)}; escalated to {Printable.Message(e.Target.ToString())}."));
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{escalated.Count} case(s) escalated."));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Command List(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var owner = new Option<string?>("--owner") { Description = "Only the cases this owner holds." };
        var customer = new Option<string?>("--customer") { Description = "Only this customer's cases." };
        var all = new Option<bool>("--all") { Description = "Resolved and closed cases too (default: active cases only)." };
        var csv = new Option<bool>("--csv") { Description = "Write CSV (RFC 4180) instead of a table." };
        var command = new Command("list", "List cases, oldest first: customer, category, priority, status, owner, deadlines.") { db, owner, customer, all, csv };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var query = new CaseQuery
                {
                    Owner = p.GetValue(owner),
                    Customer = p.GetValue(customer) is { } code ? new CustomerCode(code) : (CustomerCode?)null,
                    ActiveOnly = !p.GetValue(all),
                };
                var cases = crm.Cases.List(query);
                if (p.GetValue(csv)) CaseListing.WriteCsv(output, cases);
                else CaseListing.WriteTable(session.Console, cases);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Command Show(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var id = CaseCommands.Id();
        var command = new Command("show", "One case in full: its facts, deadlines, resolution and every change.") { id, db };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                CaseListing.WriteCase(session.Console, crm.Cases.Get(p.GetValue(id)));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Command Figures(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var by = new Option<string>("--by") { Description = "Cut the figures by category, owner or all (the default).", DefaultValueFactory = _ => "all" };
        by.AcceptOnlyFromAmong("all", "category", "owner");
        var command = new Command("figures", "Case figures: open cases, deadlines met, median times to first response and to resolution in business hours.") { db, by };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                CaseListing.WriteFigures(session.Console, crm.Cases.Figures(Enum.Parse<CaseFigureCut>(p.GetValue(by)!, ignoreCase: true)));
                return CrmKitCli.Success;
            });
        });
        return command;
    }
}
