using CrmKit.Reports.Html;
using CrmKit.Storage;
using CrmKit.Value;

namespace CrmKit.Reports.Sections;

/// <summary>
/// The value pyramid (customers and lifetime value per tier), the distribution of lifetime value
/// and the most valuable customers, from the latest stored value fit, in one pass over the customers.
/// </summary>
internal sealed class ValueSection : ReportSection
{
    private ValueFit? _fit;
    private Figures? _figures;

    internal override string Id => "value";

    internal override string Title => "Customer value";

    internal override async ValueTask CollectAsync(ReportScope scope, CancellationToken ct)
    {
        _fit = await scope.Read((s, c) => s.Values.LatestFitAsync(c), ct).ConfigureAwait(false);
        if (_fit is null) return;
        _figures = await scope.Read(async (s, c) =>
        {
            var figures = new Figures(new SortedDictionary<int, Tier>(), new LifetimeValueBins(), new TopCustomers(scope.Options.TopCustomers));
            await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.All(), c).ConfigureAwait(false))
            {
                foreach (var snapshot in chunk)
                {
                    if (snapshot.Value is not { } value) continue;
                    var tier = figures.Tiers.GetValueOrDefault(value.Tier.Rank) ?? new Tier(value.Tier.Name, 0, 0m);
                    figures.Tiers[value.Tier.Rank] = tier with { Customers = tier.Customers + 1, LifetimeValue = tier.LifetimeValue + value.LifetimeValue };
                    figures.Distribution.Add(value.LifetimeValue);
                    figures.Top.Offer(snapshot.Customer.Code, snapshot.Customer.Name, value.Tier.Name, value.LifetimeValue);
                }
            }
            return figures;
        }, ct).ConfigureAwait(false);
    }

    internal override void Write(HtmlPage page, ReportScope scope)
    {
        if (_fit is null || _figures is null || _figures.Distribution.Total == 0)
        {
            page.Note("No customer value has been fitted yet: fit it with crm.Value.Fit(...) or 'crmkit value fit --calibration-end DATE'.");
            return;
        }
        var scored = _figures.Distribution.Total;
        var source = $"From the value fit on the calibration window {_fit.Calibration.Start:yyyy-MM-dd} to {_fit.Calibration.End:yyyy-MM-dd}; {ReportFormat.Count(scored)} customers scored.";
        var tiers = _figures.Tiers.Values.ToArray();
        var pyramid = new HtmlTable("Tier").Numbers("Customers", "Share", "Lifetime value", "Average");
        foreach (var tier in tiers)
        {
            pyramid.Row(tier.Name, ReportFormat.Count(tier.Customers), ReportFormat.Share(tier.Customers, scored),
                ReportFormat.Money(tier.LifetimeValue), ReportFormat.Money(tier.LifetimeValue / tier.Customers));
        }
        pyramid.Row("Customer equity", ReportFormat.Count(scored), ReportFormat.Share(scored, scored),
            ReportFormat.Money(tiers.Sum(t => t.LifetimeValue)), ReportFormat.Money(tiers.Sum(t => t.LifetimeValue) / scored));
        page.Panel("Value pyramid", source + " The most valuable tier is at the top.",
            Charts.Funnel(tiers.Select(t => (t.Name, (double)t.Customers)), "count", pyramid: true), pyramid);

        var bins = _figures.Distribution.Bins();
        var distribution = new HtmlTable("Lifetime value").Numbers("Customers", "Share");
        foreach (var (label, count) in bins) distribution.Row(label, ReportFormat.Count(count), ReportFormat.Share(count, scored));
        page.Panel("Distribution of lifetime value", "Customers by predicted lifetime value, in bins from one to two, two to five and five to ten of each power of ten.",
            Charts.Bar(bins.Select(b => b.Label), [("Customers", bins.Select(b => (double)b.Count))], "count"), distribution);

        var top = _figures.Top.Highest();
        if (top.Count == 0) return;
        var best = new HtmlTable("Customer", "Name", "Tier").Numbers("Lifetime value");
        foreach (var c in top) best.Row(c.Code, c.Name, c.Tier, ReportFormat.Money(c.LifetimeValue));
        page.Panel("Most valuable customers", $"The {top.Count} customers with the highest predicted lifetime value.",
            Charts.Bar(top.Select(c => c.Name), [("Lifetime value", top.Select(c => (double)c.LifetimeValue))], "money", horizontal: true), best);
    }

    private sealed record Tier(string Name, long Customers, decimal LifetimeValue);

    private sealed record Figures(SortedDictionary<int, Tier> Tiers, LifetimeValueBins Distribution, TopCustomers Top);
}
