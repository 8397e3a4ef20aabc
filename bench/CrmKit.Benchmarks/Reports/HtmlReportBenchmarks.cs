using BenchmarkDotNet.Attributes;
using CrmKit.Benchmarks.Segments;

namespace CrmKit.Benchmarks.Reports;

/// <summary>
/// The HTML report of a base of 10,000 and 100,000 customers with two to three interactions each,
/// two refreshed segments and a value fit: every section streams its data, so the time and the
/// memory allocated per customer should stay flat from one size to the other, and what is kept at
/// once stays far below the base (compare the allocation with the log's size).
/// </summary>
[MemoryDiagnoser]
public class HtmlReportBenchmarks
{
    [Params(10_000, 100_000)]
    public int Customers { get; set; }

    private BenchDatabase _db = null!;

    [GlobalSetup]
    public void Setup()
    {
        _db = new BenchDatabase(Customers);
        _db.Crm.Segments.Define(new SegmentDefinition("vip", "VIPs", new SegmentFilter(SegmentClause.HasAnyTag("vip"))));
        _db.Crm.Segments.Define(new SegmentDefinition("big-spenders", "spent over 1,500", new SegmentFilter(SegmentClause.Monetary(ClauseOperator.Greater, 1_500m))));
        _db.Crm.Segments.RefreshAll();
        _db.Crm.Value.Fit(DateOnly.FromDateTime(BenchDatabase.Now.UtcDateTime));
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark]
    public void WriteHtml() => _db.Crm.Reports.WriteHtml(Stream.Null);
}
