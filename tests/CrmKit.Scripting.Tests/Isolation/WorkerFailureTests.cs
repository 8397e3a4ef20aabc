using System.Diagnostics;

namespace CrmKit.Scripting.Tests.Isolation;

/// <summary>
/// A customer that ends the worker process fails alone: the refresh completes for everyone else,
/// the failure names the segment, the customer and what happened, and the test process lives on.
/// </summary>
public class WorkerFailureTests
{
    private const int Customers = 300;
    private const string Stuck = "C-0150";

    private static CrmDatabase Open(ScriptEngine engine)
    {
        var crm = CrmDatabase.Open(CrmOptions.InMemory() with { SegmentScripts = new ScriptedSegments(engine) });
        for (var i = 0; i < Customers; i++)
            crm.Customers.Create(new Customer($"C-{i:0000}", $"Customer {i}") { Tags = i % 3 == 0 ? ["vip"] : [] });
        return crm;
    }

    private static int VipsOtherThan(string code) =>
        Enumerable.Range(0, Customers).Count(i => i % 3 == 0 && $"C-{i:0000}" != code);

    [Fact]
    public void Killing_the_worker_in_the_middle_of_a_batch_fails_only_the_customer_it_was_on()
    {
        // The script spins on one customer; its own budget is a minute, so only the worker's end stops it.
        using var engine = new ScriptEngine(new ScriptEngineOptions
        {
            TimeBudget = TimeSpan.FromMinutes(1),
            WorkerBatchTimeLimit = TimeSpan.FromSeconds(2),
            WorkerCount = 1,
        });
        using var crm = Open(engine);
        crm.Segments.Define(new SegmentDefinition("vip", "vip customers",
            $"if (Customer.Code == \"{Stuck}\") {{ var n = 0; while (n >= 0) {{ n = (n + 1) % 1000; }} }}\nreturn Customer.HasTag(\"vip\");"));

        using var killer = new Timer(_ =>
        {
            foreach (var id in engine.Evaluators.ProcessIds)
            {
                try { Process.GetProcessById(id).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
            }
        }, null, TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);
        var result = crm.Segments.Refresh("vip");

        Assert.Equal(Customers, result.Evaluated);
        Assert.Equal(VipsOtherThan(Stuck), result.Members);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("vip", new CustomerCode(Stuck)), (failure.Rule, failure.Customer));
        Assert.Contains(failure.Kind, new[] { "CRM1004", "CRM1005" });
        Assert.Contains("vip.csx", failure.Message);
        Assert.True(engine.Evaluators.Started >= 2, "the worker was restarted");
    }

    [Fact]
    public void A_stack_overflow_in_library_code_ends_the_worker_not_the_host()
    {
        // Library code (a tuple's ToString) recurses over a structure the script built in a loop;
        // no guard of the script's own runs in between.
        using var engine = new ScriptEngine(new ScriptEngineOptions { TimeBudget = TimeSpan.FromSeconds(10) });
        using var crm = Open(engine);
        crm.Segments.Define(new SegmentDefinition("deep", "a deep structure for one customer",
            $"if (Customer.Code != \"{Stuck}\") return Customer.HasTag(\"vip\");\n"
            + "object deep = 0;\nfor (var i = 0; i < 1_000_000; i++) deep = (deep, i);\nreturn deep.ToString()!.Length > 0;"));

        var result = crm.Segments.Refresh("deep");

        Assert.Equal(Customers, result.Evaluated);
        Assert.Equal(VipsOtherThan(Stuck), result.Members);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(new CustomerCode(Stuck), failure.Customer);
        Assert.Equal("CRM1003", failure.Kind);
    }

    [Fact]
    public void A_care_sweep_goes_on_past_a_customer_that_ends_the_worker()
    {
        using var engine = new ScriptEngine(new ScriptEngineOptions { TimeBudget = TimeSpan.FromSeconds(10) });
        using var crm = Open(engine);
        using var script = engine.CompileCare(
            $"if (Customer.Code == \"{Stuck}\") {{ object deep = 0; for (var i = 0; i < 1_000_000; i++) deep = (deep, i); Care.Propose(deep.ToString()!); }}\n"
            + "if (Customer.HasTag(\"vip\")) Care.Propose(\"vip-call\");", "vip-call.csx");

        var result = crm.Care.Sweep([new ScriptedCareRule("vip-call", script)]);

        Assert.Equal(Customers, result.Evaluated);
        Assert.Equal(VipsOtherThan(Stuck), result.Proposed);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("vip-call", new CustomerCode(Stuck)), (failure.Rule, failure.Customer));
    }

    [Fact]
    public void A_worker_that_writes_something_other_than_a_frame_is_ended_and_reported()
    {
        // This test assembly, started with no arguments, writes a line of text where the first frame belongs.
        using var engine = new ScriptEngine(new ScriptEngineOptions { WorkerPath = typeof(Program).Assembly.Location });

        var refused = Assert.Throws<ScriptCompilationException>(() => engine.CompileSegment("true", "junk.csx"));

        var diagnostic = Assert.Single(refused.Diagnostics);
        Assert.Equal("junk.csx", diagnostic.Path);
        Assert.Contains("something other than an answer", diagnostic.Message);
    }
}
