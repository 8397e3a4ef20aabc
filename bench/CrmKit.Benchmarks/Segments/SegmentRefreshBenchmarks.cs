using BenchmarkDotNet.Attributes;
using CrmKit.Scripting;

namespace CrmKit.Benchmarks.Segments;

/// <summary>
/// Refreshing a scripted segment over 100,000 customers (read every customer document, which
/// carries its stats, evaluate the script, diff against the stored membership, commit) against a
/// raw LiteDB FindAll over the same customer documents with the same test hand-written over each
/// document. The membership is stored before measuring, so each refresh finds no change: the steady
/// state of a nightly refresh.
/// </summary>
[MemoryDiagnoser]
public class SegmentRefreshBenchmarks
{
    private const int Customers = 100_000;
    private const string Script = "Customer.HasTag(\"vip\") && Customer.MonetaryTotal > 1000m";

    private BenchDatabase _db = null!;
    private ScriptEngine _worker = null!;
    private ScriptEngine _inProcess = null!;

    /// <summary>Compiles segments named <c>…-in-process</c> in process and every other scripted segment through the worker.</summary>
    private sealed class ByName(ScriptEngine worker, ScriptEngine inProcess) : ISegmentScriptCompiler
    {
        public ISegmentPredicate Compile(SegmentDefinition segment) =>
            new ScriptedSegments(segment.Name.EndsWith("-in-process", StringComparison.Ordinal) ? inProcess : worker).Compile(segment);
    }

    [GlobalSetup]
    public void Setup()
    {
        _worker = new ScriptEngine();
        _inProcess = new ScriptEngine(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess });
        _db = new BenchDatabase(Customers, new ByName(_worker, _inProcess));
        _db.Crm.Segments.Define(new SegmentDefinition("vip-spenders", "VIPs who spent over 1,000", Script));
        _db.Crm.Segments.Define(new SegmentDefinition("vip-spenders-in-process", "the same script, in process", Script));
        _db.Crm.Segments.Refresh("vip-spenders-in-process");
        _db.Crm.Segments.Define(new SegmentDefinition("vip-spenders-filter", "the same as a built-in filter",
            new SegmentFilter(SegmentClause.HasAnyTag("vip"), SegmentClause.Monetary(ClauseOperator.Greater, 1000m))));
        var scripted = _db.Crm.Segments.Refresh("vip-spenders");
        var filtered = _db.Crm.Segments.Refresh("vip-spenders-filter");
        if (scripted.Members != filtered.Members || scripted.Members == 0)
            throw new InvalidOperationException($"Script and filter disagree: {scripted.Members} vs {filtered.Members}.");
        if (RawFindAll() != scripted.Members)
            throw new InvalidOperationException($"The raw read and the refresh disagree: {RawFindAll()} vs {scripted.Members}.");
        Console.WriteLine($"// {Customers:N0} customers, {scripted.Members:N0} members");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        _worker.Dispose();
    }

    /// <summary>The raw read: every customer document (its stats are inside it) with the predicate hand-written over the BSON.</summary>
    [Benchmark(Baseline = true)]
    public int RawFindAll()
    {
        var count = 0;
        foreach (var doc in ((CrmKit.Storage.LiteDb.LiteStore)_db.Crm.Store).Customers.FindAll())
            if (CrmKit.Benchmarks.Scale.RawDocuments.IsVipSpender(doc)) count++;
        return count;
    }

    /// <summary>The scripted refresh through the worker process (the default for user scripts).</summary>
    [Benchmark]
    public int ScriptedRefresh() => _db.Crm.Segments.Refresh("vip-spenders").Members;

    /// <summary>The same script in process (the trusted mode).</summary>
    [Benchmark]
    public int ScriptedRefreshInProcess() => _db.Crm.Segments.Refresh("vip-spenders-in-process").Members;

    /// <summary>The scripted refresh on the calling thread only (no second reader).</summary>
    [Benchmark]
    public int ScriptedRefreshOneThread() => _db.Crm.Segments.Refresh("vip-spenders", parallel: false).Members;

    [Benchmark]
    public int FilterRefresh() => _db.Crm.Segments.Refresh("vip-spenders-filter").Members;
}
