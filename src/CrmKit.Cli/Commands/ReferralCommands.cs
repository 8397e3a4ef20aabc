using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// <c>crmkit referral …</c>: <c>add</c> links a referrer to the customer they brought in (the
/// referrer is credited when that customer first buys), <c>list</c> shows a customer's referrals,
/// and <c>report</c> gives referral conversion per referrer or per member of staff.
/// </summary>
internal static class ReferralCommands
{
    internal static Command Create(TextWriter output, TextWriter error) => new("referral", "Referrals: who brought whom in, and how many of them bought.")
    {
        Add(output, error), List(output, error), Report(output, error),
    };

    private static Command Add(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var referrer = new Argument<string>("REFERRER") { Description = "The code of the customer who referred." };
        var referred = new Argument<string>("REFERRED") { Description = "The code of the customer referred; a customer is referred once." };
        var staff = new Option<string?>("--staff") { Description = "The member of staff who took the referral (conversion is reported per member of staff too)." };
        var at = new Option<string?>("--at") { Description = "When the referral was made, ISO-8601 (not later than now); now when omitted." };
        var command = new Command("add", "Record that REFERRER brought REFERRED in; the referrer is credited when REFERRED first buys (at once when they have bought since).")
        {
            referrer, referred, db, staff, at,
        };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Run(p.GetValue(db)!, crm =>
            {
                var referral = crm.Loyalty.Refer(p.GetValue(referrer)!, p.GetValue(referred)!, p.GetValue(staff), CampaignCommands.Instant(p.GetValue(at)));
                output.WriteLine($"{Printable.Message(referral.Referrer.Value)} referred {Printable.Message(referral.Referred.Value)} at {CareNames.Iso(referral.At)}"
                    + (referral.Staff is { } s ? $", taken by {Printable.Message(s)}." : "."));
                output.WriteLine($"{Printable.Message(referral.Referrer.Value)} now holds {crm.Loyalty.Balance(referral.Referrer).ToString(CultureInfo.InvariantCulture)} points.");
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var code = new Argument<string>("CODE") { Description = "The customer's code." };
        var command = new Command("list", "Who referred a customer, and whom they referred, with whether each has bought since.") { code, db };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var customer = p.GetValue(code)!;
                var table = new Table().AddColumns("Referrer", "Referred", "At", "Staff", "Bought since");
                var of = crm.Loyalty.ReferralOf(customer);
                foreach (var r in (of is null ? [] : new[] { of }).Concat(crm.Loyalty.ReferralsBy(customer)))
                {
                    var bought = crm.Interactions.Stats(r.Referred).LastPurchaseAt is { } last && r.ConvertedBy(last);
                    table.AddRow(Printable.Markup(r.Referrer.Value), Printable.Markup(r.Referred.Value), CareNames.Short(r.At), Printable.Markup(r.Staff ?? "-"), bought ? "yes" : "no");
                }
                session.Console.Write(table);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static Command Report(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var by = new Option<string>("--by") { Description = "referrer (the default) or staff.", DefaultValueFactory = _ => "referrer" };
        by.AcceptOnlyFromAmong("referrer", "staff");
        var csv = new Option<bool>("--csv") { Description = "Write RFC 4180 CSV (key, referrals, converted, rate) to standard output instead of a table." };
        var command = new Command("report", "Referral conversion per referrer or per member of staff: referrals, how many bought at or after the referral, and the rate.") { db, by, csv };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var byStaff = p.GetValue(by) == "staff";
                var figures = byStaff ? crm.Loyalty.ConversionByStaff() : crm.Loyalty.ConversionByReferrer();
                if (p.GetValue(csv)) LoyaltyListing.WriteConversionCsv(output, figures);
                else LoyaltyListing.WriteConversion(session.Console, byStaff ? "Staff" : "Referrer", figures);
                return CrmKitCli.Success;
            });
        });
        return command;
    }
}
