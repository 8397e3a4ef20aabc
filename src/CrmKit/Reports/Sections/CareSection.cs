using CrmKit.Reports.Html;

namespace CrmKit.Reports.Sections;

/// <summary>
/// The care funnel over everything recorded: actions the rules proposed, tasks created from them
/// and tasks done; and the proposals the contact policy held back, by reason.
/// </summary>
internal sealed class CareSection : ReportSection
{
    private IReadOnlyDictionary<CareTaskStatus, int> _tasks = new Dictionary<CareTaskStatus, int>();
    private IReadOnlyDictionary<SuppressionReason, int> _suppressed = new Dictionary<SuppressionReason, int>();

    internal override string Id => "care";

    internal override string Title => "Care";

    internal override ValueTask CollectAsync(ReportScope scope, CancellationToken ct)
    {
        _tasks = scope.Crm.Care.CountByStatus();
        _suppressed = scope.Crm.Care.SuppressionsByReason();
        return ValueTask.CompletedTask;
    }

    internal override void Write(HtmlPage page, ReportScope scope)
    {
        long created = _tasks.Values.Sum();
        // A closed-loop suppression withdraws a task already created; every other one is a proposal held back.
        long heldBack = _suppressed.Where(s => s.Key != SuppressionReason.ClosedLoop).Sum(s => s.Value);
        if (created + heldBack == 0)
        {
            page.Note("No care task has been proposed yet: sweep the care rules with crm.Care.Sweep(...) or 'crmkit care sweep'.");
            return;
        }
        long proposed = created + heldBack, done = _tasks.GetValueOrDefault(CareTaskStatus.Done);
        var steps = new (string Name, long Count)[] { ("Proposed", proposed), ("Created", created), ("Done", done) };
        var funnel = new HtmlTable("Step").Numbers("Care actions", "Of proposed");
        foreach (var (name, count) in steps) funnel.Row(name, ReportFormat.Count(count), ReportFormat.Share(count, proposed));
        var statuses = new HtmlTable("Task status").Numbers("Tasks", "Share");
        foreach (var status in Enum.GetValues<CareTaskStatus>())
        {
            var count = _tasks.GetValueOrDefault(status);
            statuses.Row(status.ToString(), ReportFormat.Count(count), ReportFormat.Share(count, created));
        }
        page.Panel("Care funnel", "Every care action the rules proposed (each customer, occasion and channel once), the tasks created from them, and the tasks done.",
            Charts.Funnel(steps.Select(s => (s.Name, (double)s.Count)), "count"), funnel, statuses);

        if (_suppressed.Values.Sum() == 0)
        {
            page.Note("The contact policy has held back no care action.");
            return;
        }
        var reasons = Enum.GetValues<SuppressionReason>().Select(r => (Name: ReasonText(r), Count: (long)_suppressed.GetValueOrDefault(r))).ToArray();
        var total = reasons.Sum(r => r.Count);
        var table = new HtmlTable("Reason").Numbers("Suppressions", "Share");
        foreach (var (name, count) in reasons) table.Row(name, ReportFormat.Count(count), ReportFormat.Share(count, total));
        page.Panel("Suppressions by reason", "Care actions the contact policy held back, and open tasks withdrawn when the occasion closed on another channel.",
            Charts.Bar(reasons.Select(r => r.Name), [("Suppressions", reasons.Select(r => (double)r.Count))], "count", horizontal: true), table);
    }

    private static string ReasonText(SuppressionReason reason) => reason switch
    {
        SuppressionReason.OptedOut => "opted out",
        SuppressionReason.NoConsent => "no consent",
        SuppressionReason.FrequencyCap => "frequency cap",
        SuppressionReason.OccasionClosed => "occasion closed",
        SuppressionReason.ClosedLoop => "withdrawn (closed loop)",
        _ => reason.ToString(),
    };
}
