using Spectre.Console;
using static CrmKit.Cli.CampaignNumbers;

namespace CrmKit.Cli;

/// <summary>
/// A campaign's evaluation as tables (per arm, then each offer's uplift over intent-to-treat and
/// contacted, then the A/B comparison) or as one CSV whose <c>section</c> column says which.
/// </summary>
internal static class EvaluationListing
{
    internal static readonly string[] CsvColumns =
    [
        "section", "arm", "population", "audience", "contacted", "reached", "responders", "accepted", "revenue",
        "contact-success", "response-rate", "offer-acceptance", "revenue-per-customer",
        "rate-uplift", "rate-low", "rate-high", "rate-method", "revenue-uplift", "revenue-low", "revenue-high", "revenue-method",
        "incremental-responders", "incremental-revenue", "cost", "return-on-cost", "winner",
    ];

    internal static void WriteTable(IAnsiConsole console, CampaignEvaluation e)
    {
        var arms = new Table().AddColumns("Arm", "Audience", "Contacted", "Reached", "Contact success", "Responders", "Response rate", "Accepted", "Offer acceptance", "Revenue / customer");
        foreach (var a in e.Offers.Append(e.Holdout))
        {
            arms.AddRow(Printable.Markup(a.Arm), N(a.Audience), N(a.Contacted), N(a.Reached), Percent(a.ContactSuccess), N(a.Responders), Percent(a.ResponseRate),
                N(a.Accepted), Percent(a.OfferAcceptance), Money(a.RevenuePerCustomer));
        }
        console.Write(arms);
        var uplift = new Table().AddColumns("Offer", "Population", "n", "Response uplift", "95% interval", "Revenue / customer uplift", "95% interval",
            "Incremental revenue", "Cost", "Return on cost");
        foreach (var u in e.Uplifts)
        {
            uplift.AddRow(Printable.Markup(u.Offer), Population(u.Population), N(u.Treated.Audience), Points(u.ResponseRate?.Estimate), Markup.Escape(Interval(u.ResponseRate, points: true)),
                Number(u.RevenuePerCustomer?.Estimate), Markup.Escape(Interval(u.RevenuePerCustomer, points: false)), Money(u.IncrementalRevenue), Money(u.Cost), Percent(u.ReturnOnCost));
        }
        console.Write(uplift);
        console.WriteLine("Response uplift: Newcombe's hybrid score interval; revenue uplift: Welch's t interval; both 95%, against the whole holdout.");
        if (e.AbTest is { } ab)
        {
            console.WriteLine(ab.Winner is { } w
                ? $"A/B: {w} beats {ab.RunnerUp} by {Points(ab.Difference.Estimate)} {Interval(ab.Difference, points: true)}."
                : $"A/B: no winner; {ab.Best} − {ab.RunnerUp} = {Points(ab.Difference.Estimate)} {Interval(ab.Difference, points: true)} includes zero.");
        }
    }

    internal static void WriteCsv(TextWriter output, CampaignEvaluation e)
    {
        var rows = new List<string[]>();
        foreach (var a in e.Offers.Append(e.Holdout)) rows.Add(Arm("arm", a, "intent-to-treat", null, null));
        foreach (var u in e.Uplifts) rows.Add(Arm("uplift", u.Treated, Population(u.Population), u, null));
        if (e.AbTest is { } ab)
        {
            rows.Add(["ab", ab.Best + ">" + ab.RunnerUp, "intent-to-treat", "", "", "", "", "", "", "", "", "", "",
                Csv(ab.Difference.Estimate), Csv(ab.Difference.Low), Csv(ab.Difference.High), ab.Difference.Method, "", "", "", "", "", "", "", "", ab.Winner ?? ""]);
        }
        CampaignListing.WriteRows(output, CsvColumns, rows);
    }

    private static string[] Arm(string section, ArmFigures a, string population, UpliftFigures? u, string? winner) =>
    [
        section, a.Arm, population, N(a.Audience), N(a.Contacted), N(a.Reached), N(a.Responders), N(a.Accepted), Csv(a.Revenue),
        Csv(a.ContactSuccess), Csv(a.ResponseRate), Csv(a.OfferAcceptance), Csv(a.RevenuePerCustomer),
        Csv(u?.ResponseRate?.Estimate), Csv(u?.ResponseRate?.Low), Csv(u?.ResponseRate?.High), u?.ResponseRate?.Method ?? "",
        Csv(u?.RevenuePerCustomer?.Estimate), Csv(u?.RevenuePerCustomer?.Low), Csv(u?.RevenuePerCustomer?.High), u?.RevenuePerCustomer?.Method ?? "",
        Csv(u?.IncrementalResponders), Csv(u?.IncrementalRevenue), u is null ? "" : Csv(u.Cost), Csv(u?.ReturnOnCost), winner ?? "",
    ];

    private static string Population(CampaignPopulation p) => p == CampaignPopulation.IntentToTreat ? "intent-to-treat" : "contacted";
}
