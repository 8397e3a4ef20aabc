using System.Diagnostics;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace CrmKit.Scripting.Tests.Runtime;

[CollectionDefinition("memory", DisableParallelization = true)]
public class MemoryCollection;

/// <summary>Replacing and removing scripts unloads their code; many reloads do not leak.</summary>
[Collection("memory")]
public class ReloadTests(ITestOutputHelper output)
{
    [Fact]
    public void A_disposed_script_is_collected()
    {
        var engine = new ScriptEngine();
        var reference = CompileEvaluateAndDispose(engine);
        for (var i = 0; i < 20 && reference.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(reference.IsAlive);
    }

    [Fact]
    public void A_disposed_script_refuses_to_run()
    {
        var script = new ScriptEngine().CompileSegment("true", "gone.csx");
        script.Dispose();
        Assert.False(script.IsLoaded);
        Assert.Throws<ObjectDisposedException>(() => script.Evaluate(TestCustomer.View, TestCustomer.Context()));
    }

    [Fact]
    public void Replacing_a_script_in_a_library_unloads_the_old_one()
    {
        using var library = new ScriptLibrary(new ScriptEngine());
        var first = library.Set("vip", "Customer.HasTag(\"vip\")", ScriptKind.Segment);
        var second = library.Set("vip", "!Customer.HasTag(\"vip\")", ScriptKind.Segment);
        Assert.False(first.IsLoaded);
        Assert.Same(second, library.Find("vip"));
        Assert.False(((SegmentScript)second).Evaluate(TestCustomer.View, TestCustomer.Context()));
        Assert.True(library.Remove("vip"));
        Assert.False(second.IsLoaded);
        Assert.Empty(library.Names);
    }

    [Fact]
    public void A_rejected_replacement_keeps_the_previous_script()
    {
        using var library = new ScriptLibrary(new ScriptEngine());
        var first = library.Set("vip", "Customer.HasTag(\"vip\")", ScriptKind.Segment);
        Assert.Throws<ScriptCompilationException>(() => library.Set("vip", "System.IO.File.Exists(\"x\")", ScriptKind.Segment));
        Assert.Same(first, library.Find("vip"));
        Assert.True(first.IsLoaded);
    }

    /// <summary>
    /// Compiles and replaces 1,000 distinct scripts in this process and reports managed and process
    /// memory growth; the figure is quoted in docs/benchmarks.md.
    /// </summary>
    [Fact]
    public void Compiling_and_replacing_1000_scripts_grows_memory_by_less_than_100_MB()
    {
        using var library = new ScriptLibrary(new ScriptEngine());
        var context = TestCustomer.Context();
        // Warm up: the compiler's own code is jitted once and stays; that is not growth per script.
        for (var i = 0; i < 50; i++)
            ((SegmentScript)library.Set("warm-up", $"Customer.Tags.Count(t => t.Length > {i}) >= 0", ScriptKind.Segment)).Evaluate(TestCustomer.View, context);
        Settle();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var processBefore = Process.GetCurrentProcess().WorkingSet64;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 1_000; i++)
        {
            var script = (SegmentScript)library.Set("rolling", $"Customer.Tags.Count(t => t.Length > {i % 7}) >= 0 && Customer.Name != \"script {i}\"", ScriptKind.Segment);
            Assert.True(script.Evaluate(TestCustomer.View, context));
        }
        watch.Stop();
        Settle();
        var managedGrowth = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
        var processGrowth = Process.GetCurrentProcess().WorkingSet64 - processBefore;
        output.WriteLine($"1000 scripts compiled and replaced in {watch.Elapsed.TotalSeconds:0.0} s; " +
            $"managed growth {managedGrowth / 1048576.0:0.0} MB; process (working set) growth {processGrowth / 1048576.0:0.0} MB");
        Assert.True(managedGrowth < 100L * 1024 * 1024, $"managed memory grew by {managedGrowth:N0} bytes");
        Assert.True(processGrowth < 100L * 1024 * 1024, $"process memory grew by {processGrowth:N0} bytes");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileEvaluateAndDispose(ScriptEngine engine)
    {
        var script = engine.CompileSegment("Customer.Tags.Any(t => t == \"vip\")", "collect.csx");
        Assert.True(script.Evaluate(TestCustomer.View, TestCustomer.Context()));
        script.Dispose();
        return script.LoadContextReference;
    }

    private static void Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        // Give freed heap back to the operating system so the working set shows what is really held.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
