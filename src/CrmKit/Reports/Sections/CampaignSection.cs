using CrmKit.Reports.Html;

namespace CrmKit.Reports.Sections;

/// <summary>
/// Each running or completed campaign's offers against its holdout: the uplift in response rate with
/// its 95% interval, and in revenue, with what the contacts cost (intent-to-treat).
/// </summary>
internal sealed class CampaignSection : ReportSection
{
    private readonly List<(Campaign Campaign, UpliftFigures Uplift)> _uplifts = [];
    private int _campaigns;

    internal override string Id => "campaigns";

    internal override string Title => "Campaigns";

    internal override async ValueTask CollectAsync(ReportScope scope, CancellationToken ct)
    {
        var campaigns = await scope.Crm.Campaigns.AllAsync(ct).ConfigureAwait(false);
        _campaigns = campaigns.Count;
        foreach (var campaign in campaigns.Where(c => c.Status is CampaignStatus.Running or CampaignStatus.Completed).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var evaluation = await scope.Crm.Campaigns.EvaluateAsync(campaign.Id, ct).ConfigureAwait(false);
            foreach (var uplift in evaluation.Uplifts.Where(u => u.Population == CampaignPopulation.IntentToTreat && u.Treated.Audience > 0))
                _uplifts.Add((campaign, uplift));
        }
    }

    internal override void Write(HtmlPage page, ReportScope scope)
    {
        if (_uplifts.Count == 0)
        {
            page.Note(_campaigns == 0 ? "No campaign has been planned yet." : "No campaign has run yet, so there is no uplift to measure.");
            return;
        }
        var table = new HtmlTable("Campaign", "Offer", "Status").Numbers(
            "Audience", "Holdout", "Response (offer)", "Response (holdout)", "Uplift", "95% interval", "Revenue uplift per customer", "Incremental revenue", "Cost", "Return on cost");
        foreach (var (campaign, u) in _uplifts)
        {
            table.Row(campaign.Id, u.Offer, campaign.Status.ToString(),
                ReportFormat.Count(u.Treated.Audience), ReportFormat.Count(u.Holdout.Audience),
                ReportFormat.Percent(u.Treated.ResponseRate), ReportFormat.Percent(u.Holdout.ResponseRate),
                u.ResponseRate is { } r ? ReportFormat.Points(r.Estimate) : "–",
                u.ResponseRate is { } i ? $"{ReportFormat.Points(i.Low)} to {ReportFormat.Points(i.High)}" : "–",
                u.RevenuePerCustomer is { } m ? $"{ReportFormat.Money((decimal)m.Estimate)} ({ReportFormat.Money((decimal)m.Low)} to {ReportFormat.Money((decimal)m.High)})" : "–",
                u.IncrementalRevenue is { } gain ? ReportFormat.Money(gain) : "–",
                ReportFormat.Money(u.Cost),
                ReportFormat.Percent(u.ReturnOnCost));
        }
        var measured = _uplifts.Where(x => x.Uplift.ResponseRate is not null).ToArray();
        if (measured.Length == 0)
        {
            page.Note("No offer has customers on both sides yet, so no response-rate uplift can be measured.");
            return;
        }
        page.Panel("Campaign uplift", "Each offer's response rate less its holdout's, in percentage points, with its 95% interval (Newcombe's hybrid score); an interval clear of zero is a real effect. Intent-to-treat: every customer assigned, contacted or not.",
            Charts.Intervals(measured.Select(x => ($"{x.Campaign.Id} / {x.Uplift.Offer}", Points(x.Uplift.ResponseRate!.Value.Estimate),
                Points(x.Uplift.ResponseRate.Value.Low), Points(x.Uplift.ResponseRate.Value.High))), "points"),
            new HtmlTable("Campaign / offer").Numbers("Uplift", "Low", "High").RowsOf(measured.Select(x => new[]
            {
                $"{x.Campaign.Id} / {x.Uplift.Offer}", ReportFormat.Points(x.Uplift.ResponseRate!.Value.Estimate),
                ReportFormat.Points(x.Uplift.ResponseRate.Value.Low), ReportFormat.Points(x.Uplift.ResponseRate.Value.High),
            })),
            table);
    }

    private static double Points(double difference) => Math.Round(difference * 100, 2);
}
