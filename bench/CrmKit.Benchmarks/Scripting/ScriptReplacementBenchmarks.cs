using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CrmKit.Scripting;

namespace CrmKit.Benchmarks.Scripting;

/// <summary>
/// 1,000 replacements of a named script in a <see cref="ScriptLibrary"/> (each a new source, so each
/// compiles), each evaluated once through the worker. Prints the host's managed heap and resident
/// size before and after, and the largest resident size a worker reached; workers are recycled
/// after <see cref="ScriptEngineOptions.WorkerRecycleAfterLoads"/> loads, which bounds them.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ScriptReplacementBenchmarks
{
    private const int Replacements = 1_000;

    [Benchmark]
    public void ReplaceAThousandTimes()
    {
        using var engine = new ScriptEngine();
        using var library = new ScriptLibrary(engine);
        var view = BenchCustomers.Create(1)[0];
        var context = new ScriptContext(BenchCustomers.Now);
        ((SegmentScript)library.Set("warm-up", "Customer.HasTag(\"vip\")", ScriptKind.Segment)).Evaluate(view, context);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        long workerPeak = 0;
        for (var i = 0; i < Replacements; i++)
        {
            var script = (SegmentScript)library.Set("vip", $"Customer.Tags.Count(t => t.Length > {i % 7}) >= 0 && Customer.MonetaryTotal > {i}m", ScriptKind.Segment);
            script.Evaluate(view, context);
            if (i % 50 == 49)
                foreach (var id in engine.Evaluators.ProcessIds)
                    try { workerPeak = Math.Max(workerPeak, Process.GetProcessById(id).WorkingSet64); } catch (ArgumentException) { }
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var rssAfter = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"// host managed heap {heapBefore / 1048576.0:F1} MB -> {heapAfter / 1048576.0:F1} MB (growth {(heapAfter - heapBefore) / 1048576.0:F1} MB); "
            + $"host resident {rssBefore / 1048576.0:F1} MB -> {rssAfter / 1048576.0:F1} MB (growth {(rssAfter - rssBefore) / 1048576.0:F1} MB); "
            + $"largest worker resident size seen {workerPeak / 1048576.0:F1} MB; workers started {engine.Evaluators.Started}");
    }
}
