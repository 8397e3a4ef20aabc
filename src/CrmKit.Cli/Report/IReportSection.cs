using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// One section of <c>crmkit report</c>. Each section reads what it needs from the database and
/// writes its own heading and table; adding a section is one line in <see cref="ReportSections"/>.
/// </summary>
internal interface IReportSection
{
    /// <summary>The section's heading.</summary>
    string Title { get; }

    /// <summary>Writes the section's body (its heading is written for it).</summary>
    void Write(CrmDatabase crm, IAnsiConsole console);
}
