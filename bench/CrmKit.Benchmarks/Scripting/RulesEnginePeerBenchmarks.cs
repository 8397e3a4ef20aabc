using BenchmarkDotNet.Attributes;
using CrmKit.Scripting;
using RulesEngine.Models;

namespace CrmKit.Benchmarks.Scripting;

/// <summary>
/// The same segment predicate in Microsoft's RulesEngine (NuGet RulesEngine 6.0.1), evaluated over
/// the same customer views, against the compiled CrmKit script. Per customer.
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn]
public class RulesEnginePeerBenchmarks
{
    private const int Customers = 200;
    private const string Workflow = "segments";

    private CustomerView[] _views = [];
    private ScriptContext _context = null!;
    private SegmentScript _script = null!;
    private RulesEngine.RulesEngine _rules = null!;

    [GlobalSetup]
    public void Setup()
    {
        _views = BenchCustomers.Create(Customers);
        _context = new ScriptContext(BenchCustomers.Now);
        // Loaded as a worker loads it (never unloaded, so tiered with profile-guided optimisation), called in process.
        _script = new ScriptEngine(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess, CollectibleInProcess = false })
            .CompileSegment(BenchCustomers.Predicate, "vip.csx");
        var workflow = new Workflow
        {
            WorkflowName = Workflow,
            Rules =
            [
                new Rule
                {
                    RuleName = "vip",
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                    Expression = "input1.HasTag(\"vip\") && input1.Integer(\"age\") >= 30 && input1.MonetaryTotal > 1000 && input1.CanContact(\"email\")",
                },
            ],
        };
        _rules = new RulesEngine.RulesEngine([workflow], new ReSettings());
        if (CrmKitScript() != RulesEngine())
            throw new InvalidOperationException("RulesEngine and the script disagree.");
    }

    [GlobalCleanup]
    public void Cleanup() => _script.Dispose();

    /// <summary>The script over the batch, as a worker evaluates it.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Customers)]
    public int CrmKitScript()
    {
        var n = 0;
        foreach (var outcome in _script.EvaluateAll(_views, _context))
            if (outcome.Value) n++;
        return n;
    }

    /// <summary>The script one call per customer.</summary>
    [Benchmark(OperationsPerInvoke = Customers)]
    public int CrmKitScriptPerCall()
    {
        var n = 0;
        foreach (var view in _views)
            if (_script.Evaluate(view, _context)) n++;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Customers)]
    public int RulesEngine()
    {
        var n = 0;
        foreach (var view in _views)
        {
            var results = _rules.ExecuteAllRulesAsync(Workflow, view).GetAwaiter().GetResult();
            if (results[0].IsSuccess) n++;
        }
        return n;
    }
}
