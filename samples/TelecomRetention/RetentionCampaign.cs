using System.Globalization;
using CrmKit;
using Spectre.Console;

namespace CrmKit.Samples;

/// <summary>
/// A retention campaign over the wider base of subscribers at risk, in a database of its own: two
/// offers and a 20% holdout, planned, approved, rehearsed, run, answered, and evaluated against the
/// holdout with the library's intervals. The answers are simulated with fixed true rates (renewal
/// 10% without contact; 24% when reached with the discount, 17% with the upgrade), so the printed
/// uplift can be read against them.
/// </summary>
internal static class RetentionCampaign
{
    internal const string File = "retention-campaign.db";
    internal const int Subscribers = 600;
    internal static readonly InteractionKind Renewal = new("renewal");

    internal static void Run(ScenarioClock clock, CrmOptions options)
    {
        using var crm = Step.OpenFresh(File, options with { PurchaseKinds = new HashSet<InteractionKind> { Renewal } });
        Step.Title(clock, $"A retention campaign over {Subscribers} subscribers at risk, with a holdout and two offers");
        var random = new Random(20260413);
        crm.Customers.CreateMany(Enumerable.Range(1, Subscribers).Select(i => new Customer($"R-{i:0000}", $"Subscriber {i}")
        {
            Owner = i % 3 == 0 ? "am.costa" : "am.silva",
            TimeZone = "Europe/Lisbon",
            Tags = [i % 10 == 0 ? "loyal" : "contract-ending"],
        }));
        crm.Segments.Define(new SegmentDefinition("contract-ending", "contract ends within 60 days", new SegmentFilter(SegmentClause.HasAnyTag("contract-ending"))));
        crm.Segments.Refresh("contract-ending");

        var now = clock.GetUtcNow();
        var plan = new CampaignPlan
        {
            Name = "Spring renewal",
            Goal = "Renew contracts that end within 60 days",
            Owner = "am.silva",
            Target = CampaignTarget.OfSegment("contract-ending"),
            Offers = [new CampaignOffer("discount", "renew with 20% off for a year", 0.5), new CampaignOffer("upgrade", "renew with a free data upgrade", 0.5)],
            Channels = [Channel.Phone],
            Window = new CampaignWindow(now, now.AddDays(21)),
            CostPerContact = 1.20m,
            Budget = 600m,
            AttributionWindow = TimeSpan.FromDays(30),
            Response = new ResponseRule([Renewal], "accepted", revenueKinds: [Renewal]),
            HoldoutShare = 0.2,
        };
        crm.Campaigns.Create("spring-renewal", plan, "am.silva");
        crm.Campaigns.SaveAsTemplate("spring-renewal", "renewal", "renewal push before contracts end");
        crm.Campaigns.Submit("spring-renewal", "am.silva", "budget 600 for one call each");
        crm.Campaigns.Approve("spring-renewal", "head.of.retention", "approved with a 20% holdout");
        foreach (var step in crm.Campaigns.Get("spring-renewal").History)
            Step.Say($"{step.At:yyyy-MM-dd HH:mm} {step.Actor}: {(step.From?.ToString() ?? "new").ToLowerInvariant()} → {step.To.ToString().ToLowerInvariant()} ({step.Reason}).");

        var rehearsal = crm.Campaigns.Rehearse("spring-renewal");
        Step.Say($"Rehearsal (nothing written): audience {rehearsal.Audience}, holdout {rehearsal.Holdout}, "
            + string.Join(", ", rehearsal.ByOffer.Select(o => $"{o.Key} {o.Value}")) + $"; the contact policy lets {rehearsal.Contactable} through"
            + string.Concat(rehearsal.HeldBack.Select(h => $", holds back {h.Value} ({h.Key})"))
            + $"; cost {Money(rehearsal.Cost)} against a budget of {Money(rehearsal.Budget)} ({(rehearsal.WithinBudget ? "within" : "over")} budget).");

        var run = crm.Campaigns.Run("spring-renewal", "scheduler");
        var assignments = crm.Campaigns.Assignments("spring-renewal");
        Step.Say($"Run: {run.NewlyAssigned} customers assigned before anyone was contacted: "
            + string.Join(", ", assignments.GroupBy(a => a.Arm).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))
            + $"; {run.Sweep!.Created} call tasks created, none for the holdout.");

        clock.Advance(TimeSpan.FromDays(5));
        var arms = assignments.ToDictionary(a => a.Customer);
        foreach (var task in crm.Care.Tasks(CareTaskStatus.Open, new PageRequest(0, 10_000)).Items.Where(t => t.Rule == "campaign.spring-renewal"))
        {
            if (random.NextDouble() >= 0.7)
            {
                // Not reached: the agent records the attempt, and the task stays open for its retry.
                crm.Care.Attempt(task.Id, AttemptOutcome.NoAnswer, task.Owner ?? "agent");
                continue;
            }
            var accepts = random.NextDouble() < (arms[task.Customer].Offer == "discount" ? 0.24 : 0.17);
            if (accepts)
            {
                crm.Care.Complete(task.Id, "accepted", task.Owner ?? "agent");
                crm.Interactions.Record(new Interaction(task.Customer, Renewal, Channel.Phone, clock.GetUtcNow()) { Amount = 240m });
            }
            else crm.Care.Decline(task.Id, "not-interested", task.Owner ?? "agent");
        }
        foreach (var a in assignments.Where(a => a.IsHoldout || crm.Care.For(a.Customer).All(t => t.Status == CareTaskStatus.Open)))
        {
            if (random.NextDouble() < 0.10) crm.Interactions.Record(new Interaction(a.Customer, Renewal, Channel.Store, clock.GetUtcNow().AddDays(3)) { Amount = 240m });
        }
        clock.Advance(TimeSpan.FromDays(20));
        crm.Campaigns.Complete("spring-renewal", "am.silva", "window closed");

        var evaluation = crm.Campaigns.Evaluate("spring-renewal");
        var table = new Table().AddColumns("Arm", "Audience", "Reached", "Responders", "Response rate", "Revenue / customer");
        foreach (var arm in evaluation.Offers.Append(evaluation.Holdout))
            table.AddRow(arm.Arm, N(arm.Audience), N(arm.Reached), N(arm.Responders), Percent(arm.ResponseRate), Money(arm.RevenuePerCustomer));
        AnsiConsole.Write(table);
        var uplift = new Table().AddColumns("Offer", "Population", "Response uplift", "95% interval", "Revenue uplift", "95% interval");
        foreach (var u in evaluation.Uplifts)
        {
            uplift.AddRow(u.Offer, u.Population == CampaignPopulation.IntentToTreat ? "intent-to-treat" : "contacted", Points(u.ResponseRate?.Estimate),
                Markup.Escape(Interval(u.ResponseRate, points: true)), Money((decimal?)u.RevenuePerCustomer?.Estimate), Markup.Escape(Interval(u.RevenuePerCustomer, points: false)));
        }
        AnsiConsole.Write(uplift);
        foreach (var u in evaluation.Uplifts.Where(u => u.Population == CampaignPopulation.IntentToTreat))
            Step.Say($"{u.Offer}: incremental revenue {Money(u.IncrementalRevenue)} for a cost of {Money(u.Cost)}; return on cost {Percent(u.ReturnOnCost)}.");
        Step.Say("Response uplift: Newcombe's hybrid score interval; revenue: Welch's t interval; 95%, each offer against the whole holdout.");
        if (evaluation.AbTest is { } ab)
        {
            Step.Say(ab.Winner is { } winner
                ? $"A/B: {winner} beats {ab.RunnerUp} by {Points(ab.Difference.Estimate)} {Interval(ab.Difference, points: true)}."
                : $"A/B: no winner between {ab.Best} and {ab.RunnerUp}: {Points(ab.Difference.Estimate)} {Interval(ab.Difference, points: true)} includes zero.");
        }

        var from = now;
        var to = clock.GetUtcNow();
        var rates = new Table().AddColumns("Rate", "Row", "Count", "Rate");
        var formulas = new List<string>();
        foreach (var report in new[]
        {
            crm.Rates.ContactSuccess(from, to, RateCut.ByOwner), crm.Rates.OfferAcceptance(from, to, RateCut.ByCampaign), crm.Rates.Participation(from, to, RateCut.ByCampaign),
        })
        {
            formulas.Add($"{report.Name} = {report.Formula}");
            foreach (var row in report.Rows) rates.AddRow(report.Name, row.Key, $"{row.Rate.Numerator}/{row.Rate.Denominator}", Percent(row.Rate.Value));
        }
        AnsiConsole.Write(rates);
        Step.Say("From crm.Rates: " + string.Join("; ", formulas) + ".");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Percent(double? value) => value is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "-";

    internal static string Points(double? value) => value is { } v ? (v * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp" : "-";

    internal static string Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    private static string Interval(ConfidenceInterval? ci, bool points) =>
        ci is not { } c ? "-" : points ? $"[{Points(c.Low)}, {Points(c.High)}]" : $"[{c.Low.ToString("0.00", CultureInfo.InvariantCulture)}, {c.High.ToString("0.00", CultureInfo.InvariantCulture)}]";
}
