using CrmKit.Reports.Html;

namespace CrmKit.Reports;

/// <summary>
/// One section of the HTML report. It first collects its figures, streaming what it reads and
/// keeping only aggregates, then writes its panels; a section with nothing to show writes a note
/// instead of an empty chart. A new section is one class and one line in <see cref="ReportBook"/>.
/// </summary>
internal abstract class ReportSection
{
    /// <summary>The section's anchor in the page.</summary>
    internal abstract string Id { get; }

    /// <summary>The section's heading.</summary>
    internal abstract string Title { get; }

    /// <summary>Reads what the section shows.</summary>
    internal abstract ValueTask CollectAsync(ReportScope scope, CancellationToken ct);

    /// <summary>Writes the section's body (its heading is written for it).</summary>
    internal abstract void Write(HtmlPage page, ReportScope scope);
}
