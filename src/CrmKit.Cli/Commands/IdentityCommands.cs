using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// <c>crmkit duplicates</c> (the review list, <c>--find</c> to scan the base, <c>dismiss</c>),
/// <c>crmkit merge SURVIVOR MERGED --reason</c> and <c>crmkit identities</c> (the identity map).
/// </summary>
internal static class IdentityCommands
{
    internal static Command Duplicates(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var find = new Option<bool>("--find") { Description = "First scan the whole base for duplicates and add the new pairs to the review list (a dismissed pair stays dismissed)." };
        var identity = new Option<string[]>("--identity") { Description = "With --find: an attribute that identifies a person (an ID number, say), matched as phone and email are. Repeat for several.", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--all") { Description = "Dismissed pairs too." };
        var command = new Command("duplicates", "The duplicate review list: pairs of customers that look like the same person, with the reasons for each match, strongest first. Merge a pair with 'crmkit merge'.")
        {
            db, find, identity, all, Dismiss(output, error),
        };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            var scan = p.GetValue(find);
            int List(CrmDatabase crm)
            {
                if (scan) crm.Identity.FindMatches(p.GetValue(identity) ?? []);
                var matches = crm.Identity.Matches(p.GetValue(all));
                MatchListing.WriteTable(session.Console, matches);
                output.WriteLine($"{matches.Count(m => m.IsOpen)} pair(s) await review.");
                return CrmKitCli.Success;
            }
            return scan ? session.Run(p.GetValue(db)!, List) : session.Read(p.GetValue(db)!, List);
        });
        return command;
    }

    private static Command Dismiss(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var first = new Argument<string>("FIRST") { Description = "One customer of the pair." };
        var second = new Argument<string>("SECOND") { Description = "The other customer." };
        var reason = new Option<string>("--reason") { Description = "Why they are different customers.", Required = true };
        var actor = Actor();
        var command = new Command("dismiss", "Record that a pair on the review list are different customers, so it is not suggested again.") { first, second, reason, actor, db };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var match = crm.Identity.Dismiss(p.GetValue(first)!, p.GetValue(second)!, p.GetValue(actor)!, p.GetValue(reason)!);
                output.WriteLine($"Dismissed the match between '{Printable.Cell(match.First.Value)}' and '{Printable.Cell(match.Second.Value)}'.");
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Command Merge(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var survivor = new Argument<string>("SURVIVOR") { Description = "The customer that remains." };
        var merged = new Argument<string>("MERGED") { Description = "The customer merged into it; its code resolves to the survivor afterwards." };
        var reason = new Option<string>("--reason") { Description = "Why they are one customer, for example the reasons the review list gave.", Required = true };
        var actor = Actor();
        var command = new Command("merge", "Merge one customer into another, losing nothing: interactions, history, grades, claims, tasks and identifiers move; differing values and the merged name are kept.")
        {
            survivor, merged, reason, actor, db,
        };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var record = crm.Customers.Merge(p.GetValue(survivor)!, p.GetValue(merged)!, p.GetValue(actor)!, p.GetValue(reason)!);
                output.WriteLine($"Merged '{Printable.Cell(record.Merged.Value)}' into '{Printable.Cell(record.Survivor.Value)}'.");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Moved: {record.InteractionsMoved} interaction(s), {record.StageChangesMoved} stage change(s), {record.GradeChangesMoved} grade change(s), {record.IdentitiesMoved} source identifier(s)."));
                foreach (var kept in crm.Identity.Kept(record.Survivor).Where(k => k.KeptAt == record.At && (k.MergedFrom == record.Merged || k.Field == "owner")))
                    output.WriteLine($"Kept: {Printable.Cell(kept.Field)} = {Printable.Cell(kept.Value.ToString())} (from {Printable.Cell(kept.System ?? "CrmKit")}, {CareNames.Iso(kept.At)}).");
                if (record.KeptClaim is { } claim)
                    output.WriteLine($"Kept claim: {Printable.Cell(claim.Salesperson)} until {CareNames.Iso(claim.Until)} (the survivor holds the claim in force).");
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    internal static Command Identities(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var customer = new Argument<string?>("CODE") { Description = "Only this customer's identifiers, with the names and values it also held (default: the whole map).", Arity = ArgumentArity.ZeroOrOne };
        var system = new Option<string?>("--system") { Description = "Only this system's identifiers." };
        var find = new Option<string?>("--find") { Description = "The customer one identifier stands for: --system S --find ID." };
        var command = new Command("identities", "The identity map: which customer each source system's identifier stands for.") { customer, system, find, db };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                if (p.GetValue(find) is { } id)
                {
                    var sys = p.GetValue(system) ?? throw new CommandFailure(CrmKitCli.UsageError, "--find needs --system, the system the identifier belongs to.");
                    var code = crm.Identity.Find(sys, id);
                    output.WriteLine(code is { } found ? found.Value : $"{Printable.Cell(sys)} '{Printable.Cell(id)}' is not in the identity map.");
                    return code is null ? CrmKitCli.Problems : CrmKitCli.Success;
                }
                if (p.GetValue(customer) is { } one) return ShowCustomer(session.Console, crm, one);
                var table = new Table().AddColumns("System", "Identifier", "Customer", "Linked at");
                for (var page = new PageRequest(0, 1_000); ; page = page.Next)
                {
                    var entries = crm.Identity.Sources(p.GetValue(system), page);
                    foreach (var e in entries.Items) table.AddRow(Printable.Markup(e.System), Printable.Markup(e.Id), Printable.Markup(e.Customer.Value), CareNames.Iso(e.LinkedAt));
                    if (!entries.HasMore) break;
                }
                session.Console.Write(table);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static int ShowCustomer(IAnsiConsole console, CrmDatabase crm, string code)
    {
        var ids = new Table().AddColumns("System", "Identifier", "Linked at");
        foreach (var e in crm.Identity.Of(code)) ids.AddRow(Printable.Markup(e.System), Printable.Markup(e.Id), CareNames.Iso(e.LinkedAt));
        console.Write(ids);
        var kept = new Table().AddColumns("Kept value", "Value", "From", "Given at", "Merged from");
        foreach (var k in crm.Identity.Kept(code))
            kept.AddRow(Printable.Markup(k.Field), Printable.Markup(k.Value.ToString()), Printable.Markup(k.System ?? "CrmKit"), CareNames.Iso(k.At), Printable.Markup(k.MergedFrom?.Value ?? "-"));
        console.Write(kept);
        var merges = new Table().AddColumns("Merged", "At", "By", "Reason");
        foreach (var m in crm.Identity.Merges(code)) merges.AddRow(Printable.Markup(m.Merged.Value), CareNames.Iso(m.At), Printable.Markup(m.Actor), Printable.Markup(m.Reason));
        console.Write(merges);
        return CrmKitCli.Success;
    }

    private static Option<string> Actor() => new("--actor")
    {
        Description = "Who decides; recorded with it. Default: the current user name.",
        DefaultValueFactory = _ => Environment.UserName is { Length: > 0 } user ? user : "crmkit",
    };
}
