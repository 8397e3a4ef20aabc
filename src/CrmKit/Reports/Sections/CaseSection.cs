using CrmKit.Reports.Html;

namespace CrmKit.Reports.Sections;

/// <summary>Service cases: cases and open ones by category with their deadline rates, and the open cases by age.</summary>
internal sealed class CaseSection : ReportSection
{
    private IReadOnlyList<CaseFigures> _categories = [];
    private CaseFigures? _all;

    internal override string Id => "cases";

    internal override string Title => "Service cases";

    internal override ValueTask CollectAsync(ReportScope scope, CancellationToken ct)
    {
        _all = scope.Crm.Cases.Figures(CaseFigureCut.All).FirstOrDefault();
        if (_all is { Cases: > 0 }) _categories = scope.Crm.Cases.Figures(CaseFigureCut.Category);
        return ValueTask.CompletedTask;
    }

    internal override void Write(HtmlPage page, ReportScope scope)
    {
        if (_all is not { Cases: > 0 } all)
        {
            page.Note("No service case has been opened yet.");
            return;
        }
        var rows = _categories.Append(all with { Key = "all categories" }).ToArray();
        var table = new HtmlTable("Category").Numbers("Cases", "Open", "First response in time", "Resolved in time", "Median time to resolve");
        foreach (var f in rows)
        {
            table.Row(f.Key, ReportFormat.Count(f.Cases), ReportFormat.Count(f.Open), ReportFormat.Rate(f.FirstResponseMet), ReportFormat.Rate(f.ResolutionMet),
                f.TimeToResolution is { } t ? ReportFormat.Duration(t.Median) : "–");
        }
        page.Panel("Cases by category", "Every case by its category, the ones still open, and how often their deadlines were met (over the deadlines already decided).",
            Charts.Bar(_categories.Select(c => c.Key), [("Cases", _categories.Select(c => (double)c.Cases)), ("Open", _categories.Select(c => (double)c.Open))], "count"),
            table);

        if (all.Open == 0) return;
        var bands = all.OpenByAge.Select(b => (Label: Band(b), b.Count)).ToArray();
        var ages = new HtmlTable("Age").Numbers("Open cases", "Share");
        foreach (var (label, count) in bands) ages.Row(label, ReportFormat.Count(count), ReportFormat.Share(count, all.Open));
        page.Panel("Open cases by age", "How long the open cases have been open.",
            Charts.Bar(bands.Select(b => b.Label), [("Open cases", bands.Select(b => (double)b.Count))], "count"), ages);
    }

    private static string Band(AgeBandCount band) =>
        band.To is not { } to ? $"over {ReportFormat.Duration(band.From)}"
        : band.From == TimeSpan.Zero ? $"under {ReportFormat.Duration(to)}"
        : $"{ReportFormat.Duration(band.From)} – {ReportFormat.Duration(to)}";
}
