using CrmKit.Reports.Html;
using CrmKit.Reports.Sections;

namespace CrmKit.Reports;

/// <summary>
/// Reports on the whole database for people to look at. <see cref="WriteHtml"/> writes one
/// self-contained HTML page of charts, each with its table: customers by stage and the flow between
/// stages, segment sizes over time, the value pyramid, the distribution of lifetime value and the
/// most valuable customers, purchase cohort retention, the care funnel and suppressions, campaign
/// uplift with its intervals, service cases, and contact and offer rates. The page carries its own
/// chart library (Apache ECharts) and opens offline. Thread-safe: it reads committed data and writes nothing to the database.
/// </summary>
/// <remarks>
/// Figures are aggregated while the data streams past: memory grows with the number of stages,
/// segments, tiers and months shown, and by a few dozen bytes per buying customer for the cohorts,
/// never with the number of interactions or events. Every piece of text from the data (names,
/// descriptions, codes) is escaped, in the HTML and in the script's data alike.
/// </remarks>
public sealed class ReportBook
{
    private readonly CrmContext _context;
    private readonly CrmDatabase _crm;

    internal ReportBook(CrmContext context, CrmDatabase crm)
    {
        _context = context;
        _crm = crm;
    }

    /// <summary>Writes the HTML report to <paramref name="output"/> (UTF-8), which stays open.</summary>
    /// <param name="output">Where the page goes: a file, a response body, a memory stream.</param>
    /// <param name="options">The title, period and time zone; <see cref="ReportOptions"/>' defaults when null.</param>
    /// <exception cref="CrmValidationException">The options are out of range (see <see cref="ReportOptions"/>); nothing was written.</exception>
    /// <exception cref="CrmStorageException">The store failed while reading; nothing was written.</exception>
    public void WriteHtml(Stream output, ReportOptions? options = null) => WriteHtmlAsync(output, options).GetAwaiter().GetResult();

    /// <inheritdoc cref="WriteHtml"/>
    /// <param name="output">Where the page goes: a file, a response body, a memory stream.</param>
    /// <param name="options">The title, period and time zone; <see cref="ReportOptions"/>' defaults when null.</param>
    /// <param name="cancellationToken">Stops the report; what was written to <paramref name="output"/> by then is incomplete.</param>
    public async Task WriteHtmlAsync(Stream output, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var scope = new ReportScope(_context, _crm, options ?? new ReportOptions());
        ReportSection[] sections =
        [
            new OverviewSection(),
            new StageSection(),
            new SegmentSection(),
            new ValueSection(),
            new CohortSection(),
            new CareSection(),
            new CampaignSection(),
            new CaseSection(),
            new RateSection(),
        ];
        foreach (var section in sections) await section.CollectAsync(scope, cancellationToken).ConfigureAwait(false);
        await HtmlDocument.WriteAsync(output, scope, sections, cancellationToken).ConfigureAwait(false);
    }
}
