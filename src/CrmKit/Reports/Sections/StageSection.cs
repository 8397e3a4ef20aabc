using CrmKit.Reports.Html;

namespace CrmKit.Reports.Sections;

/// <summary>Customers by lifecycle stage now, and the moves between stages recorded in the period.</summary>
internal sealed class StageSection : ReportSection
{
    /// <summary>The left-hand node of a customer's first stage, set when the customer was created.</summary>
    private const string Created = "(created)";

    private IReadOnlyList<KeyValuePair<StageId, int>> _stages = [];
    private Dictionary<(string From, string To), long> _flows = [];

    internal override string Id => "stages";

    internal override string Title => "Lifecycle stages";

    internal override async ValueTask CollectAsync(ReportScope scope, CancellationToken ct)
    {
        _stages = scope.Crm.Customers.CountByStage();
        _flows = await scope.Read(async (s, c) =>
        {
            var flows = new Dictionary<(string From, string To), long>();
            await foreach (var chunk in s.Stages.ScanAsync(scope.From, scope.To, c).ConfigureAwait(false))
            {
                foreach (var change in chunk)
                {
                    var key = (change.From?.Name ?? Created, change.To.Name);
                    flows[key] = flows.GetValueOrDefault(key) + 1;
                }
            }
            return flows;
        }, ct).ConfigureAwait(false);
    }

    internal override void Write(HtmlPage page, ReportScope scope)
    {
        var total = _stages.Sum(s => (long)s.Value);
        var table = new HtmlTable("Stage").Numbers("Customers", "Share");
        foreach (var (stage, count) in _stages) table.Row(stage.Name, ReportFormat.Count(count), ReportFormat.Share(count, total));
        page.Panel("Customers by stage", "Where every customer is now.",
            Charts.Bar(_stages.Select(s => s.Key.Name), [("Customers", _stages.Select(s => (double)s.Value))], "count"), table);

        if (_flows.Count == 0)
        {
            page.Note($"No stage changes were recorded from {scope.PeriodText}.");
            return;
        }
        var flows = _flows.OrderByDescending(f => f.Value).ThenBy(f => f.Key.From, StringComparer.Ordinal).ThenBy(f => f.Key.To, StringComparer.Ordinal).ToArray();
        var moves = new HtmlTable("From", "To").Numbers("Changes");
        foreach (var ((from, to), count) in flows) moves.Row(from, to, ReportFormat.Count(count));
        page.Panel("Flow between stages", $"Stage changes recorded from {scope.PeriodText}: each band leads from the stage left to the stage entered.",
            Charts.Flow(flows.Select(f => (f.Key.From, f.Key.To, (double)f.Value))), moves);
    }
}
