namespace CrmKit.Cli;

/// <summary>The sections <c>crmkit report</c> prints, in order. Add a section by adding it here.</summary>
internal static class ReportSections
{
    internal static IReadOnlyList<IReportSection> All { get; } =
    [
        new OverviewSection(),
        new StageSection(),
        new SegmentSection(),
        new ValueTierSection(),
        new CareSection(),
    ];
}
