using System.CommandLine;

namespace CrmKit.Cli;

/// <summary><c>crmkit report rates</c>: the rates that judge staff, channels and campaigns, cut by segment, owner, channel, campaign or period.</summary>
internal static class RateCommand
{
    private static readonly string[] Rates = ["all", "contact-success", "offer-acceptance", "participation", "churn", "retention-success"];
    private static readonly string[] Cuts = ["all", "segment", "owner", "channel", "campaign", "day", "week", "month", "quarter", "year"];

    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var from = new Option<string>("--from") { Description = "The period's start, ISO-8601 (included).", Required = true };
        var to = new Option<string>("--to") { Description = "The period's end, ISO-8601 (not included).", Required = true };
        var rate = new Option<string>("--rate") { Description = "Which rate (default: all).", DefaultValueFactory = _ => "all" };
        rate.AcceptOnlyFromAmong(Rates);
        var by = new Option<string>("--by") { Description = "Cut the rows by segment, owner, channel, campaign, or a period: day, week, month, quarter, year.", DefaultValueFactory = _ => "all" };
        by.AcceptOnlyFromAmong(Cuts);
        var zone = new Option<string>("--zone") { Description = "The time zone periods are counted in (default: UTC).", DefaultValueFactory = _ => "UTC" };
        var churnStage = new Option<string?>("--churn-stage") { Description = "Churn is entering this stage (default: churned)." };
        var churnGap = new Option<double?>("--churn-gap") { Description = "Churn is going this many usual purchase gaps without a purchase, instead of a stage." };
        var atRisk = new Option<string?>("--at-risk") { Description = "The segment of at-risk customers, for retention success." };
        var csv = new Option<bool>("--csv") { Description = "Write RFC 4180 CSV to standard output instead of tables." };
        var command = new Command("rates", "Contact success, offer acceptance, participation, churn and retention success over a period, with their formulas.")
        {
            db, from, to, rate, by, zone, churnStage, churnGap, atRisk, csv,
        };
        command.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            return session.Read(p.GetValue(db)!, crm =>
            {
                var start = CampaignCommands.Instant(p.GetValue(from), "--from")!.Value;
                var end = CampaignCommands.Instant(p.GetValue(to), "--to")!.Value;
                var cut = CutOf(p.GetValue(by)!, p.GetValue(zone)!);
                var churn = p.GetValue(churnGap) is { } gap ? ChurnDefinition.PurchaseGap(gap) : ChurnDefinition.EnteringStage(new StageId(p.GetValue(churnStage) ?? "churned"));
                var which = p.GetValue(rate)!;
                var reports = new List<RateReport>();
                bool Wants(string name) => which == "all" || which == name;
                if (Wants("contact-success")) reports.Add(crm.Rates.ContactSuccess(start, end, cut));
                if (Wants("offer-acceptance")) reports.Add(crm.Rates.OfferAcceptance(start, end, cut));
                if (Wants("participation")) reports.Add(crm.Rates.Participation(start, end, cut));
                if (Wants("churn")) reports.Add(crm.Rates.Churn(churn, start, end, cut));
                if (Wants("retention-success"))
                {
                    if (p.GetValue(atRisk) is { } segment) reports.Add(crm.Rates.RetentionSuccess(segment, churn, start, end, cut));
                    else if (which != "all") throw new CommandFailure(CrmKitCli.UsageError, "retention-success needs --at-risk SEGMENT.");
                }
                if (p.GetValue(csv)) RateListing.WriteCsv(output, reports);
                else RateListing.WriteTable(session.Console, reports);
                return CrmKitCli.Success;
            });
        });
        return command;
    }

    private static RateCut CutOf(string by, string zoneId)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) throw new CommandFailure(CrmKitCli.UsageError, $"--zone '{zoneId}' is not a time zone this machine knows.");
        return by switch
        {
            "all" => RateCut.All,
            "segment" => RateCut.BySegment,
            "owner" => RateCut.ByOwner,
            "channel" => RateCut.ByChannel,
            "campaign" => RateCut.ByCampaign,
            "day" => RateCut.ByPeriod(RatePeriod.Day, zone),
            "week" => RateCut.ByPeriod(RatePeriod.Week, zone),
            "month" => RateCut.ByPeriod(RatePeriod.Month, zone),
            "quarter" => RateCut.ByPeriod(RatePeriod.Quarter, zone),
            _ => RateCut.ByPeriod(RatePeriod.Year, zone),
        };
    }
}
