using CrmKit.Reports.Html;

namespace CrmKit.Reports.Sections;

/// <summary>The headline figures: customers, interactions, segments and open care tasks.</summary>
internal sealed class OverviewSection : ReportSection
{
    private int _customers;
    private long _interactions;
    private int _segments;
    private int _openTasks;

    internal override string Id => "overview";

    internal override string Title => "Overview";

    internal override async ValueTask CollectAsync(ReportScope scope, CancellationToken ct)
    {
        (_customers, _interactions, _segments) = await scope.Read(async (s, c) => (
            await s.Customers.CountAsync(Storage.CustomerQuery.All, c).ConfigureAwait(false),
            await s.Interactions.CountAsync(c).ConfigureAwait(false),
            (await s.Segments.AllAsync(c).ConfigureAwait(false)).Count), ct).ConfigureAwait(false);
        _openTasks = scope.Crm.Care.CountByStatus().GetValueOrDefault(CareTaskStatus.Open);
    }

    internal override void Write(HtmlPage page, ReportScope scope) => page.Tiles(
    [
        ("Customers", ReportFormat.Count(_customers)),
        ("Interactions", ReportFormat.Count(_interactions)),
        ("Segments", ReportFormat.Count(_segments)),
        ("Open care tasks", ReportFormat.Count(_openTasks)),
    ]);
}
