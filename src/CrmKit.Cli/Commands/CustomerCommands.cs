using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit customer …</c> command group.</summary>
internal static class CustomerCommands
{
    private const int RecentInteractions = 10;

    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var code = new Argument<string>("code") { Description = "The customer code (a merged-away code shows its survivor)." };
        var show = new Command("show", "The 360° view of one customer: profile, stats, stage history, segments, open tasks, open cases, recent interactions.") { code, db };
        show.SetAction(p => Show(new CliSession(output, error, p), p.GetValue(code)!, p.GetValue(db)!));
        return new Command("customer", "Look at customers.") { show };
    }

    private static int Show(CliSession session, string code, string db) => session.Read(db, crm =>
    {
        var console = session.Console;
        var c = crm.Customers.Get(code);
        var stats = crm.Interactions.Stats(c.Code);

        var profile = new Table().AddColumns("Profile", "").HideHeaders();
        profile.AddRow("Code", E(c.Code.Value)).AddRow("Name", E(c.Name)).AddRow("Stage", $"{c.Stage} since {I(c.StageSince)}")
            .AddRow("Owner", E(c.Owner ?? "-")).AddRow("Grade", E(c.Grade ?? "-")).AddRow("Tags", E(string.Join(", ", c.Tags)))
            .AddRow("Birthday", c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-").AddRow("Time zone", E(c.TimeZone ?? "UTC"))
            .AddRow("Consents", E(string.Join(", ", c.Consents.Select(k => $"{k.Key}: {(k.Value.Granted ? "yes" : "opted out")}"))));
        foreach (var (name, value) in c.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal)) profile.AddRow(E(name), E(value.ToString()));
        console.Write(profile);

        var figures = new Table().AddColumns("Interactions", "Purchases", "Monetary", "First purchase", "Last purchase", "Last contact");
        figures.AddRow(N(stats.InteractionCount), N(stats.PurchaseCount), stats.MonetaryTotal.ToString("N2", CultureInfo.InvariantCulture),
            I(stats.FirstPurchaseAt), I(stats.LastPurchaseAt), I(stats.LastContactAt));
        console.Write(figures);

        var history = new Table().AddColumns("Stage change", "At", "Reason", "By");
        foreach (var s in crm.Lifecycle.History(c.Code)) history.AddRow($"{s.From?.Name ?? "-"} → {s.To}", I(s.At), E(s.Reason), E(s.Actor));
        console.Write(history);

        var segments = new Table().AddColumns("Segment", "Member since", "Refresh");
        foreach (var m in crm.Segments.Of(c.Code)) segments.AddRow(E(m.Segment), I(m.Since), N(m.SinceRefresh));
        console.Write(segments);

        var tasks = new Table().AddColumns("Open task", "Occasion", "Channel", "Due", "Priority", "Owner");
        foreach (var t in crm.Care.For(c.Code).Where(t => t.Status == CareTaskStatus.Open))
            tasks.AddRow(N(t.Id), E(t.OccasionKey), t.Channel.Name, I(t.Due), t.Priority.ToString(), E(t.Owner ?? "-"));
        console.Write(tasks);

        var cases = new Table().AddColumns("Open case", "Category", "Priority", "Status", "Owner", "Resolution due", "Subject");
        foreach (var k in crm.Cases.List(new Storage.CaseQuery { Customer = c.Code, ActiveOnly = true }))
            cases.AddRow(N(k.Id), E(k.Category), k.Priority.ToString(), k.Status.ToString(), E(k.Owner ?? "-"), I(k.ResolutionDue), E(k.Subject));
        console.Write(cases);

        var recent = new Table().AddColumns("Recent interaction", "Channel", "At", "Amount", "Outcome");
        var skip = Math.Max(0, stats.InteractionCount - RecentInteractions);
        foreach (var i in crm.Interactions.For(c.Code, new PageRequest(skip, RecentInteractions)).Items.Reverse())
            recent.AddRow(i.Kind.Name, i.Channel.Name, I(i.OccurredAt), i.Amount?.ToString("N2", CultureInfo.InvariantCulture) ?? "-", E(i.Outcome ?? "-"));
        console.Write(recent);
        return CrmKitCli.Success;
    });

    private static string E(string text) => Printable.Markup(text);

    private static string N(long value) => SegmentCommands.N(value);

    private static string I(DateTimeOffset? instant) => instant?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "-";
}
