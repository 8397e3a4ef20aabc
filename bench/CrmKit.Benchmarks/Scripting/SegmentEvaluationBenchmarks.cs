using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CrmKit.Scripting;

namespace CrmKit.Benchmarks.Scripting;

/// <summary>
/// Per-customer cost of a compiled segment script against the same predicate written by hand as a
/// lambda over the same customer views. Each benchmark evaluates every view once; the figure is
/// per customer (OperationsPerInvoke).
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
    private Func<CustomerView, DateTimeOffset, ScriptParameters, bool> _hand = null!;
    private Func<CustomerView, DateTimeOffset, ScriptParameters, bool> _linqHand = null!;

    [GlobalSetup]
    public void Setup()
    {
        _views = BenchCustomers.Create(Customers);
        var engine = new ScriptEngine();
        _context = new ScriptContext(BenchCustomers.Now);
        _script = engine.CompileSegment(BenchCustomers.Predicate, "vip.csx");
        _linqScript = engine.CompileSegment(BenchCustomers.LinqPredicate, "linq.csx");
        _hand = (c, now, p) => c.HasTag("vip") && c.Integer("age") >= 30 && c.MonetaryTotal > 1000m && c.CanContact("email");
        _linqHand = (c, now, p) => c.Tags.Any(t => t.StartsWith("vi")) && c.Stats.PurchaseCount >= 2;
        if (Count(_script) != CountHand(_hand) || Count(_linqScript) != CountHand(_linqHand))
            throw new InvalidOperationException("The script and the hand-written lambda disagree.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _script.Dispose();
        _linqScript.Dispose();
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
