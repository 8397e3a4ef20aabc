using CrmKit.Reports.Html;

namespace CrmKit.Reports.Sections;

/// <summary>
/// Purchase cohorts by month: customers grouped by the month of their first purchase, and the share
/// of each cohort that bought again in each month after, as a heatmap.
/// </summary>
internal sealed class CohortSection : ReportSection
{
    /// <summary>The most months after the first purchase shown.</summary>
    private const int Horizon = 24;

    private IReadOnlyList<(int Month, long Size, long[] Active)> _cohorts = [];

    internal override string Id => "cohorts";

    internal override string Title => "Cohort retention";

    internal override async ValueTask CollectAsync(ReportScope scope, CancellationToken ct)
    {
        var (first, last) = (ReportCalendar.Month(scope.From, scope.Zone), ReportCalendar.Month(scope.To.AddTicks(-1), scope.Zone));
        _cohorts = await scope.Read(async (s, c) =>
        {
            var tracker = new CohortTracker();
            await foreach (var chunk in s.Interactions.ScanAsync(scope.Context.Options.PurchaseKinds, c).ConfigureAwait(false))
            {
                foreach (var purchase in chunk)
                {
                    if (purchase.OccurredAt < scope.To) tracker.Add(purchase.Customer, ReportCalendar.Month(purchase.OccurredAt, scope.Zone));
                }
            }
            return tracker.Cohorts(first, last);
        }, ct).ConfigureAwait(false);
    }

    internal override void Write(HtmlPage page, ReportScope scope)
    {
        var cohorts = _cohorts.Where(c => c.Size > 0).ToArray();
        if (cohorts.Length == 0)
        {
            page.Note($"No customer made a first purchase from {scope.PeriodText}.");
            return;
        }
        var months = Math.Min(Horizon, cohorts.Max(c => c.Active.Length));
        var offsets = Enumerable.Range(0, months).Select(k => $"+{k}").ToArray();
        var table = new HtmlTable("Cohort").Numbers(["Customers", .. offsets]);
        var cells = new List<(int X, int Y, double Value)>();
        for (var y = 0; y < cohorts.Length; y++)
        {
            var (month, size, active) = cohorts[y];
            var row = new string[months + 2];
            row[0] = ReportCalendar.MonthLabel(month);
            row[1] = ReportFormat.Count(size);
            for (var k = 0; k < months; k++)
            {
                if (k >= active.Length)
                {
                    row[k + 2] = "";
                    continue;
                }
                var share = (double)active[k] / size;
                row[k + 2] = ReportFormat.Percent(share);
                cells.Add((k, y, Math.Round(share * 100, 1)));
            }
            table.Row(row);
        }
        page.Panel("Purchase cohorts by month",
            $"Customers by the month of their first purchase (cohorts from {scope.PeriodText}) and the share of each cohort that bought in each month after: +0 is the first month, +1 the next.",
            Charts.Heatmap(offsets, cohorts.Select(c => ReportCalendar.MonthLabel(c.Month)), cells, "percent"), table);
    }
}
