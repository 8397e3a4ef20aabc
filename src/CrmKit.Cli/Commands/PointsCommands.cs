using System.CommandLine;
using System.Globalization;

namespace CrmKit.Cli;

/// <summary>
/// <c>crmkit points …</c>: a customer's points ledger. <c>show</c> prints the balance, tier, entries
/// and tier history; <c>redeem</c>, <c>grant</c> and <c>adjust</c> record an entry by hand (a
/// redemption or negative adjustment larger than the balance is refused); <c>expire</c> records the
/// expiries that have fallen due in every ledger.
/// </summary>
internal static class PointsCommands
{
    internal static Command Create(TextWriter output, TextWriter error) => new("points", "Loyalty points: a customer's ledger, redemptions, grants and corrections by hand, expiry.")
    {
        Show(output, error),
        Entry(output, error, "redeem", "Spend a customer's points on a reward (the oldest points first); more than the balance is refused.", "--reward", "What the points are spent on.",
            (crm, code, points, text, actor, note) => crm.Loyalty.Redeem(code, points, text, actor, note)),
        Entry(output, error, "grant", "Grant a customer points by hand; they expire like earned points.", "--reason", "Why the points are granted.",
            (crm, code, points, text, actor, note) => crm.Loyalty.Grant(code, points, text, actor, note)),
        Entry(output, error, "adjust", "Correct a customer's balance by hand, either way (a negative correction larger than the balance is refused).", "--reason", "Why the balance is corrected.",
            (crm, code, points, text, actor, note) => crm.Loyalty.Adjust(code, points, text, actor, note)),
        Expire(output, error),
    };

    private static Argument<string> Code() => new("CODE") { Description = "The customer's code (a merged-away code finds its survivor)." };

    private static Command Show(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var code = Code();
        var command = new Command("show", "A customer's balance, tier, ledger entries and tier history.") { code, db };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                LoyaltyListing.WriteAccount(session.Console, crm.Loyalty.Account(p.GetValue(code)!));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command Entry(TextWriter output, TextWriter error, string name, string description, string textOption, string textDescription,
        Func<CrmDatabase, CustomerCode, long, string, string, string?, Loyalty.LedgerEntry> record)
    {
        var db = CliSession.DbOption();
        var code = Code();
        var points = new Option<long>("--points") { Description = "How many points.", Required = true };
        var text = new Option<string>(textOption) { Description = textDescription, Required = true };
        var actor = new Option<string>("--actor") { Description = "Who records it (default: cli).", DefaultValueFactory = _ => "cli" };
        var note = new Option<string?>("--note") { Description = "Free text kept with the entry." };
        var command = new Command(name, description) { code, db, points, text, actor, note };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var entry = record(crm, p.GetValue(code)!, p.GetValue(points), p.GetValue(text)!, p.GetValue(actor)!, p.GetValue(note));
                var balance = crm.Loyalty.Balance(entry.Customer);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Entry {entry.Sequence} of {Printable.Message(entry.Customer.Value)}: {CareNames.Name(entry.Kind)} {entry.Points} points ({Printable.Message(entry.Source.ToString())}); balance {balance} points."));
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command Expire(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var at = new Option<string?>("--at") { Description = "Record the expiries due by this instant, ISO-8601 (not later than now); now when omitted." };
        var command = new Command("expire", "Record the expiries that have fallen due in every ledger; running it again records nothing more.") { db, at };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var run = crm.Loyalty.ExpireDue(CampaignCommands.Instant(p.GetValue(at)));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Expired {run.Points} points in {run.Entries} entr{(run.Entries == 1 ? "y" : "ies")} of {run.Ledgers} ledger(s), up to {CareNames.Iso(run.At)}."));
                return CrmKitCli.Success;
            });
        });
        return command;
    }
}
