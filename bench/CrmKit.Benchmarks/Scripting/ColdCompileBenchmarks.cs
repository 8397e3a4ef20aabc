using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CrmKit.Scripting;

namespace CrmKit.Benchmarks.Scripting;

/// <summary>
/// Compile time of a script in a fresh process: the first script (the compiler is loaded and
/// jitted on the way) and a second, different script once a first one has been compiled. Every
/// measurement is one compile in its own process (cold start).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 8, warmupCount: 0, iterationCount: 1)]
public class ColdCompileBenchmarks
{
    private const string First = "Customer.HasTag(\"vip\") && Customer.MonetaryTotal > 1000m";
    private const string Second = "var age = Customer.Integer(\"age\") ?? 0;\nreturn age >= 30 && Customer.Tags.Any(t => t.Length > 3);";

    private ScriptEngine _engine = null!;

    [GlobalSetup(Target = nameof(FirstScript))]
    public void SetupFirst() => _engine = new ScriptEngine();

    [GlobalSetup(Target = nameof(SecondScript))]
    public void SetupSecond()
    {
        _engine = new ScriptEngine();
        _engine.CompileSegment(First, "first.csx").Dispose();
    }

    [Benchmark]
    public bool FirstScript()
    {
        using var script = _engine.CompileSegment(First, "first.csx");
        return script.IsLoaded;
    }

    [Benchmark]
    public bool SecondScript()
    {
        using var script = _engine.CompileSegment(Second, "second.csx");
        return script.IsLoaded;
    }
}
