using BenchmarkDotNet.Attributes;
using CrmKit.Scripting;

namespace CrmKit.Benchmarks.Segments;

/// <summary>
/// Refreshing a scripted segment over 100,000 customers (read every customer and its stats,
/// evaluate the script, diff against the stored membership, commit) against a raw LiteDB FindAll
/// over the same customer documents with a hand-written test on each document. The membership is
/// stored before measuring, so each refresh finds no change: the steady state of a nightly refresh.
/// A second raw contender reads both collections a refresh reads (customers and stats).
/// </summary>
[MemoryDiagnoser]
public class SegmentRefreshBenchmarks
{
    private const int Customers = 100_000;
    private const string Script = "Customer.HasTag(\"vip\") && Customer.MonetaryTotal > 1000m";

    private BenchDatabase _db = null!;

    [GlobalSetup]
    public void Setup()
    {
        _db = new BenchDatabase(Customers, new ScriptedSegments(new ScriptEngine()));
        _db.Crm.Segments.Define(new SegmentDefinition("vip-spenders", "VIPs who spent over 1,000", Script));
        _db.Crm.Segments.Define(new SegmentDefinition("vip-spenders-filter", "the same as a built-in filter",
            new SegmentFilter(SegmentClause.HasAnyTag("vip"), SegmentClause.Monetary(ClauseOperator.Greater, 1000m))));
        var scripted = _db.Crm.Segments.Refresh("vip-spenders");
        var filtered = _db.Crm.Segments.Refresh("vip-spenders-filter");
        if (scripted.Members != filtered.Members || scripted.Members == 0)
            throw new InvalidOperationException($"Script and filter disagree: {scripted.Members} vs {filtered.Members}.");
        Console.WriteLine($"// {Customers:N0} customers, {scripted.Members:N0} members");
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(Baseline = true)]
    public int RawFindAll()
    {
        var count = 0;
        foreach (var doc in _db.Crm.Store.Customers.FindAll())
            if (doc["tags"].AsArray.Contains("vip")) count++;
        return count;
    }

    /// <summary>The same raw read over both collections a refresh needs: customers and their stats.</summary>
    [Benchmark]
    public int RawFindAllWithStats()
    {
        var spenders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in _db.Crm.Store.Stats.FindAll())
            if (doc["m"].AsDecimal > 1000m) spenders.Add(doc["_id"].AsString);
        var count = 0;
        foreach (var doc in _db.Crm.Store.Customers.FindAll())
            if (doc["tags"].AsArray.Contains("vip") && spenders.Contains(doc["_id"].AsString)) count++;
        return count;
    }

    [Benchmark]
    public int ScriptedRefresh() => _db.Crm.Segments.Refresh("vip-spenders").Members;

    [Benchmark]
    public int FilterRefresh() => _db.Crm.Segments.Refresh("vip-spenders-filter").Members;
}
