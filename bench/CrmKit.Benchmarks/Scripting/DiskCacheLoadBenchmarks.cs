using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CrmKit.Scripting;

namespace CrmKit.Benchmarks.Scripting;

/// <summary>
/// A restarted host loading a known script from the disk cache: every measurement runs in its own
/// fresh process (cold start), creates an engine on the cache folder, loads the script and
/// evaluates it once. The compiler is never loaded on this path. The first launch fills the cache
/// in its setup when the folder is empty.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 8, warmupCount: 0, iterationCount: 1)]
public class DiskCacheLoadBenchmarks
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "crmkit-bench-script-cache");

    private CustomerView _view = null!;

    [GlobalSetup]
    public void Setup()
    {
        _view = BenchCustomers.Create(1)[0];
        if (Directory.Exists(Folder) && Directory.EnumerateFiles(Folder, "*.dll").Any()) return;
        new ScriptEngine(new ScriptEngineOptions { CacheDirectory = Folder }).CompileSegment(BenchCustomers.Predicate, "vip.csx").Dispose();
    }

    [Benchmark]
    public bool LoadCachedScriptAndEvaluate()
    {
        var engine = new ScriptEngine(new ScriptEngineOptions { CacheDirectory = Folder });
        using var script = engine.CompileSegment(BenchCustomers.Predicate, "vip.csx");
        return script.Evaluate(_view, new ScriptContext(BenchCustomers.Now));
    }
}
