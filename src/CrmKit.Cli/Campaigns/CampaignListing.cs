using CsvHelper;
using Spectre.Console;
using static CrmKit.Cli.CampaignNumbers;

namespace CrmKit.Cli;

/// <summary>Campaigns, their plans, histories and assignments, rehearsals and runs, as tables for people or CSV for tools.</summary>
internal static class CampaignListing
{
    internal static readonly string[] ListColumns = ["id", "name", "owner", "status", "start", "end", "offers", "holdout-share", "copied-from"];
    internal static readonly string[] HistoryColumns = ["step", "from", "to", "at", "actor", "reason"];
    internal static readonly string[] AssignmentColumns = ["customer", "arm", "assigned-at"];
    internal static readonly string[] RehearsalColumns = ["campaign", "audience", "holdout", "arm", "customers", "contactable", "held-back-reason", "held-back", "cost", "budget", "within-budget"];

    internal static void WriteList(IAnsiConsole console, IReadOnlyList<Campaign> campaigns)
    {
        var table = new Table().AddColumns("Id", "Name", "Owner", "Status", "Window", "Offers", "Holdout");
        foreach (var c in campaigns)
        {
            table.AddRow(E(c.Id), E(c.Plan.Name), E(c.Plan.Owner), CareNames.Name(c.Status), $"{CareNames.Short(c.Plan.Window.Start)} – {CareNames.Short(c.Plan.Window.End)}",
                E(string.Join(", ", c.Plan.Offers.Select(o => o.Code))), Percent(c.Plan.HoldoutShare));
        }
        console.Write(table);
        console.WriteLine($"{campaigns.Count} campaign(s).");
    }

    internal static void WriteListCsv(TextWriter output, IReadOnlyList<Campaign> campaigns) => WriteRows(output, ListColumns, campaigns.Select(c => new[]
    {
        c.Id, c.Plan.Name, c.Plan.Owner, CareNames.Name(c.Status), CareNames.Iso(c.Plan.Window.Start), CareNames.Iso(c.Plan.Window.End),
        string.Join(";", c.Plan.Offers.Select(o => o.Code)), Csv(c.Plan.HoldoutShare), c.CopiedFrom ?? "",
    }));

    internal static void WriteShow(IAnsiConsole console, Campaign c)
    {
        var p = c.Plan;
        var plan = new Table().AddColumns("Field", "Value");
        plan.AddRow("id", E(c.Id));
        plan.AddRow("status", CareNames.Name(c.Status) + (c.AllowedNext.Count > 0 ? $" (next: {string.Join(", ", c.AllowedNext.Select(s => CareNames.Name(s)))})" : ""));
        plan.AddRow("name", E(p.Name));
        plan.AddRow("goal", E(p.Goal));
        plan.AddRow("owner", E(p.Owner));
        plan.AddRow("target", E(p.Target.ToString()));
        plan.AddRow("channels", E(string.Join(", ", p.Channels.Select(ch => ch.Name))));
        plan.AddRow("window", $"{CareNames.Iso(p.Window.Start)} to {CareNames.Iso(p.Window.End)}");
        plan.AddRow("cost per contact", Money(p.CostPerContact));
        plan.AddRow("budget", Money(p.Budget));
        plan.AddRow("attribution window", E(p.AttributionWindow.ToString()));
        plan.AddRow("response", E(Describe(p.Response)));
        plan.AddRow("holdout share", Percent(p.HoldoutShare));
        if (c.CopiedFrom is not null) plan.AddRow("copied from", E(c.CopiedFrom));
        console.Write(plan);

        var offers = new Table().AddColumns("Offer", "Description", "Share of treated", "Eligibility");
        foreach (var o in p.Offers) offers.AddRow(E(o.Code), E(o.Description), Percent(o.Share), E(o.Eligibility ?? "everyone in the target"));
        console.Write(offers);

        var history = new Table().AddColumns("Step", "From", "To", "At", "Actor", "Reason");
        for (var i = 0; i < c.History.Count; i++)
        {
            var s = c.History[i];
            history.AddRow(N(i + 1), s.From is { } f ? CareNames.Name(f) : "-", CareNames.Name(s.To), CareNames.Short(s.At), E(s.Actor), E(s.Reason));
        }
        console.Write(history);
    }

    internal static void WriteHistoryCsv(TextWriter output, Campaign c) => WriteRows(output, HistoryColumns, c.History.Select((s, i) => new[]
    {
        N(i + 1), s.From is { } f ? CareNames.Name(f) : "", CareNames.Name(s.To), CareNames.Iso(s.At), s.Actor, s.Reason,
    }));

    internal static void WriteAssignments(IAnsiConsole console, IReadOnlyList<CampaignAssignment> assignments)
    {
        var table = new Table().AddColumns("Arm", "Customers");
        foreach (var g in assignments.GroupBy(a => a.Arm).OrderBy(g => g.Key, StringComparer.Ordinal)) table.AddRow(E(g.Key), N(g.Count()));
        console.Write(table);
        console.WriteLine($"{assignments.Count} customer(s) assigned.");
    }

    internal static void WriteAssignmentsCsv(TextWriter output, IReadOnlyList<CampaignAssignment> assignments) =>
        WriteRows(output, AssignmentColumns, assignments.Select(a => new[] { a.Customer.Value, a.Arm, CareNames.Iso(a.At) }));

    internal static void WriteRehearsal(IAnsiConsole console, CampaignRehearsal r)
    {
        var split = new Table().AddColumns("Arm", "Customers");
        split.AddRow("holdout", N(r.Holdout));
        foreach (var (offer, count) in r.ByOffer) split.AddRow(E(offer), N(count));
        split.AddRow("audience", N(r.Audience));
        console.Write(split);
        var policy = new Table().AddColumns("Contact policy", "Customers");
        policy.AddRow("let through", N(r.Contactable));
        foreach (var (reason, count) in r.HeldBack) policy.AddRow("held back: " + CareNames.Name(reason), N(count));
        console.Write(policy);
        console.WriteLine($"Cost {Money(r.Cost)} against a budget of {Money(r.Budget)}: {(r.WithinBudget ? "within budget" : "over budget")}. Nothing was written.");
    }

    /// <summary>One row per arm, then one per held-back reason; the totals repeat on every row.</summary>
    internal static void WriteRehearsalCsv(TextWriter output, CampaignRehearsal r)
    {
        string[] Row(string arm, string customers, string reason, string held) =>
            [r.Campaign, N(r.Audience), N(r.Holdout), arm, customers, N(r.Contactable), reason, held, Csv(r.Cost), Csv(r.Budget), r.WithinBudget ? "true" : "false"];
        var rows = new List<string[]> { Row("holdout", N(r.Holdout), "", "") };
        rows.AddRange(r.ByOffer.Select(o => Row(o.Key, N(o.Value), "", "")));
        rows.AddRange(r.HeldBack.Select(h => Row("", "", CareNames.Name(h.Key), N(h.Value))));
        WriteRows(output, RehearsalColumns, rows);
    }

    internal static void WriteRun(IAnsiConsole console, CampaignRunResult run)
    {
        var table = new Table().AddColumns("At", "Status", "Newly assigned", "Newly held out", "Assigned", "Tasks created", "Already known", "Held back");
        table.AddRow(CareNames.Iso(run.At), CareNames.Name(run.Campaign.Status), N(run.NewlyAssigned), N(run.NewlyHeldOut), N(run.Assigned),
            run.Sweep is { } s ? N(s.Created) : "-", run.Sweep is { } k ? N(k.AlreadyKnown) : "-", run.Sweep is { } h ? N(h.Suppressed) : "-");
        console.Write(table);
        if (run.Sweep is null) console.WriteLine($"The window opens at {CareNames.Iso(run.Campaign.Plan.Window.Start)}; nobody was assigned or contacted.");
        else foreach (var (reason, count) in run.Sweep.SuppressedBy) console.WriteLine($"held back ({CareNames.Name(reason)}): {count}");
    }

    private static string Describe(ResponseRule r)
    {
        var parts = new List<string>();
        if (r.Kinds.Count > 0) parts.Add("interactions of kind " + string.Join(", ", r.Kinds.Select(k => k.Name)));
        if (r.AcceptedOutcome is not null) parts.Add($"the task done with outcome '{r.AcceptedOutcome}'");
        if (r.CountsPurchase) parts.Add("a purchase");
        return string.Join(" or ", parts) + "; revenue from " + string.Join(", ", r.RevenueKinds.Select(k => k.Name));
    }

    internal static void WriteRows(TextWriter output, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in columns) csv.WriteField(column);
        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row) csv.WriteField(cell);
            csv.EndRecord();
        }
    }

    private static string E(string text) => Printable.Markup(text);
}
