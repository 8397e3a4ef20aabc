using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CrmKit.Scripting;

namespace CrmKit.Benchmarks.Scripting;

/// <summary>
/// Per-customer cost of a compiled segment script against the same predicate written by hand as a
/// lambda over the same customer views. Each benchmark evaluates every view once; the figure is
/// per customer (OperationsPerInvoke). Ways to run the script: loaded as a worker loads it
/// (non-collectibly, so the runtime tiers it with profile-guided optimisation) and evaluated over
/// the batch as the worker evaluates it (<c>EvaluateAll</c>, the script's own loop), so the figure
/// is the script's own code; the same, one call per customer (<c>Evaluate</c>); in process in a
/// collectible context (the trusted, in-process mode); and through a worker process, one batch of
/// all the customers, so the figure includes sending them.
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SegmentEvaluationBenchmarks
{
    private const int Customers = 1_000;

    private CustomerView[] _views = [];
    private ScriptContext _context = null!;
    private SegmentScript _script = null!;
    private SegmentScript _linqScript = null!;
    private SegmentScript _workerLoaded = null!;
    private SegmentScript _workerLoadedLinq = null!;
    private SegmentScript _isolated = null!;
    private SegmentScript _isolatedLinq = null!;
    private ScriptEngine _workerEngine = null!;
    private Func<CustomerView, DateTimeOffset, ScriptParameters, bool> _hand = null!;
    private Func<CustomerView, DateTimeOffset, ScriptParameters, bool> _linqHand = null!;

    [GlobalSetup]
    public void Setup()
    {
        _views = BenchCustomers.Create(Customers);
        var engine = new ScriptEngine(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess });
        var workerLoading = new ScriptEngine(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess, CollectibleInProcess = false });
        _workerEngine = new ScriptEngine();
        _context = new ScriptContext(BenchCustomers.Now);
        _script = engine.CompileSegment(BenchCustomers.Predicate, "vip.csx");
        _linqScript = engine.CompileSegment(BenchCustomers.LinqPredicate, "linq.csx");
        _workerLoaded = workerLoading.CompileSegment(BenchCustomers.Predicate, "vip.csx");
        _workerLoadedLinq = workerLoading.CompileSegment(BenchCustomers.LinqPredicate, "linq.csx");
        _isolated = _workerEngine.CompileSegment(BenchCustomers.Predicate, "vip.csx");
        _isolatedLinq = _workerEngine.CompileSegment(BenchCustomers.LinqPredicate, "linq.csx");
        _hand = (c, now, p) => c.HasTag("vip") && c.Integer("age") >= 30 && c.MonetaryTotal > 1000m && c.CanContact("email");
        _linqHand = (c, now, p) => c.Tags.Any(t => t.StartsWith("vi")) && c.Stats.PurchaseCount >= 2;
        if (Count(_script) != CountHand(_hand) || Count(_linqScript) != CountHand(_linqHand)
            || Count(_workerLoaded) != CountHand(_hand) || Count(_workerLoadedLinq) != CountHand(_linqHand)
            || InBatch(_workerLoaded) != CountHand(_hand) || InBatch(_workerLoadedLinq) != CountHand(_linqHand)
            || Batch(_isolated) != CountHand(_hand) || Batch(_isolatedLinq) != CountHand(_linqHand))
            throw new InvalidOperationException("The script and the hand-written lambda disagree.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _script.Dispose();
        _linqScript.Dispose();
        _workerEngine.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Customers), BenchmarkCategory("simple")]
    public int WorkerLoadedScript() => InBatch(_workerLoaded);

    [Benchmark(OperationsPerInvoke = Customers), BenchmarkCategory("simple")]
    public int WorkerLoadedScriptPerCall() => Count(_workerLoaded);

    [Benchmark(OperationsPerInvoke = Customers), BenchmarkCategory("simple")]
    public int ThroughWorkerInOneBatch() => Batch(_isolated);

    [Benchmark(OperationsPerInvoke = Customers), BenchmarkCategory("linq")]
    public int WorkerLoadedLinqScript() => InBatch(_workerLoadedLinq);

    [Benchmark(OperationsPerInvoke = Customers), BenchmarkCategory("linq")]
    public int WorkerLoadedLinqScriptPerCall() => Count(_workerLoadedLinq);

    [Benchmark(OperationsPerInvoke = Customers), BenchmarkCategory("linq")]
    public int LinqThroughWorkerInOneBatch() => Batch(_isolatedLinq);

    private int Batch(SegmentScript script) => script.EvaluateAll(_views, _context).Count(o => o.Value);

    /// <summary>The verdicts of the whole batch, as the worker evaluates a batch; counted afterwards in a plain loop.</summary>
    private int InBatch(SegmentScript script)
    {
        var n = 0;
        foreach (var outcome in script.EvaluateAll(_views, _context))
            if (outcome.Value) n++;
        return n;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Customers), BenchmarkCategory("simple")]
    public int HandWrittenLambda() => CountHand(_hand);

    [Benchmark(OperationsPerInvoke = Customers), BenchmarkCategory("simple")]
    public int CompiledScript() => Count(_script);

    [Benchmark(Baseline = true, OperationsPerInvoke = Customers), BenchmarkCategory("linq")]
    public int HandWrittenLinqLambda() => CountHand(_linqHand);

    [Benchmark(OperationsPerInvoke = Customers), BenchmarkCategory("linq")]
    public int CompiledLinqScript() => Count(_linqScript);

    private int Count(SegmentScript script)
    {
        var n = 0;
        foreach (var view in _views)
            if (script.Evaluate(view, _context)) n++;
        return n;
    }

    private int CountHand(Func<CustomerView, DateTimeOffset, ScriptParameters, bool> predicate)
    {
        var n = 0;
        foreach (var view in _views)
            if (predicate(view, _context.Now, _context.Parameters)) n++;
        return n;
    }
}
