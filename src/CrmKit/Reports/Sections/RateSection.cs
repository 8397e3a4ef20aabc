using CrmKit.Reports.Html;

namespace CrmKit.Reports.Sections;

/// <summary>Contact success and offer acceptance month by month over the period, as <see cref="RateBook"/> computes them.</summary>
internal sealed class RateSection : ReportSection
{
    private RateReport[] _reports = [];

    internal override string Id => "rates";

    internal override string Title => "Rates";

    internal override async ValueTask CollectAsync(ReportScope scope, CancellationToken ct)
    {
        var cut = RateCut.ByPeriod(RatePeriod.Month, scope.Zone);
        _reports =
        [
            await scope.Crm.Rates.ContactSuccessAsync(scope.From, scope.To, cut, ct).ConfigureAwait(false),
            await scope.Crm.Rates.OfferAcceptanceAsync(scope.From, scope.To, cut, ct).ConfigureAwait(false),
        ];
    }

    internal override void Write(HtmlPage page, ReportScope scope)
    {
        var months = _reports.SelectMany(r => r.Rows).Where(r => r.Rate.Denominator > 0).Select(r => r.Key).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (months.Length == 0)
        {
            page.Note($"No care contact or campaign offer was closed from {scope.PeriodText}, so there is no rate to show.");
            return;
        }
        var names = new[] { "Contact success", "Offer acceptance" };
        var table = new HtmlTable("Month").Numbers(names);
        foreach (var month in months) table.Row([month, .. _reports.Select(r => ReportFormat.Rate(r[month]))]);
        page.Panel("Rates by month", $"Contact success: {_reports[0].Formula}; offer acceptance: {_reports[1].Formula}. Each month counts what was closed in it.",
            Charts.Line(months, _reports.Select((r, i) => (names[i], months.Select(m => r[m].Value is { } v ? Math.Round(v * 100, 1) : double.NaN))), "percent"), table);
    }
}
