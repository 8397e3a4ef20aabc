namespace CrmKit.Scripting.Tests.Isolation;

/// <summary>
/// A script that runs past its budget for customer after customer is not given every customer of a
/// large base, one whole budget each: the rest of its batch is skipped (CRM1006), so a preview or a
/// refresh ends promptly. A script that fails only now and then is still evaluated for everyone.
/// </summary>
public class BudgetStreakTests
{
    private const int Customers = 1_500;

    /// <summary>Spins until the time budget stops it, for the customers <paramref name="spinFor"/> selects (a C# condition on <c>n</c>, the number in the code).</summary>
    private static string Spinning(string spinFor) =>
        $"var n = int.Parse(Customer.Code[2..]);\nif ({spinFor}) {{ var i = 0; while (i >= 0) {{ i = (i + 1) % 1000; }} }}\nreturn true;";

    private static CrmDatabase Open(ScriptEngine engine)
    {
        var crm = CrmDatabase.Open(CrmOptions.InMemory() with { SegmentScripts = new ScriptedSegments(engine) });
        crm.Customers.CreateMany(Enumerable.Range(0, Customers).Select(i => new Customer($"C-{i:0000}", $"Customer {i}")));
        return crm;
    }

    private static ScriptEngine Engine(ScriptIsolation isolation = ScriptIsolation.Worker) =>
        new(new ScriptEngineOptions { Isolation = isolation, TimeBudget = TimeSpan.FromMilliseconds(20) });

    private static int CountOf(SegmentRefreshResult result, string kind) => result.Failures.Count(f => f.Kind == kind);

    [Theory]
    [InlineData("true", ScriptIsolation.Worker)]
    [InlineData("n % 2 == 1", ScriptIsolation.Worker)]
    [InlineData("n % 2 == 1", ScriptIsolation.InProcess)]
    public void A_script_past_its_budget_for_most_customers_is_skipped_for_the_rest(string spinFor, ScriptIsolation isolation)
    {
        using var engine = Engine(isolation);
        using var crm = Open(engine);
        crm.Segments.Define(new SegmentDefinition("spin", "spins", Spinning(spinFor)));

        var result = crm.Segments.Refresh("spin");

        Assert.Equal(Customers, result.Evaluated);
        // Each batch in flight gives up after a short run of budget failures, and after a few such
        // batches the script is not given customers at all, however small the batches a refresh
        // sends: a few dozen budgets spent, not hundreds.
        Assert.InRange(CountOf(result, "CRM1001"), BudgetStreak.InARow, 200);
        Assert.True(CountOf(result, "CRM1006") > Customers / 2, "most customers were skipped");
        Assert.All(result.Failures.Where(f => f.Kind == "CRM1006"), f => Assert.Contains("was not evaluated", f.Message));
    }

    [Fact]
    public void A_script_past_its_budget_now_and_then_is_evaluated_for_everyone_else()
    {
        using var engine = Engine();
        using var crm = Open(engine);
        crm.Segments.Define(new SegmentDefinition("spin", "spins for one customer in ten", Spinning("n % 10 == 3")));

        var result = crm.Segments.Refresh("spin");

        Assert.Equal(Customers, result.Evaluated);
        Assert.Equal(Customers / 10, CountOf(result, "CRM1001"));
        Assert.Equal(Customers / 10, result.Failures.Count);
        Assert.Equal(Customers - Customers / 10, result.Members);
    }

    [Fact]
    public void In_process_a_batch_is_skipped_after_a_run_of_budget_failures()
    {
        using var engine = Engine(ScriptIsolation.InProcess);
        using var script = engine.CompileSegment(Spinning("true"), "spin.csx");
        var views = Enumerable.Range(0, 50).Select(i => new CustomerView(new Customer($"C-{i:0000}", "x"), CustomerStats.Empty)).ToArray();

        var outcomes = script.EvaluateAll(views, new ScriptContext(DateTimeOffset.UnixEpoch));

        var codes = outcomes.Select(o => Assert.IsType<ScriptRuntimeException>(o.Error).Code).ToArray();
        Assert.Equal(Enumerable.Repeat("CRM1001", BudgetStreak.InARow), codes.Take(BudgetStreak.InARow));
        Assert.All(codes.Skip(BudgetStreak.InARow), code => Assert.Equal("CRM1006", code));
    }

    [Fact]
    public void A_customer_that_uses_up_the_workers_memory_fails_alone_and_the_rest_of_its_batch_goes_to_a_new_worker()
    {
        // The memory budget is far above the worker's heap, so the heap runs out first and the worker ends after answering.
        using var engine = new ScriptEngine(new ScriptEngineOptions
        {
            MemoryBudgetBytes = 8L * 1024 * 1024 * 1024,
            WorkerHeapLimitBytes = 64L * 1024 * 1024,
            TimeBudget = TimeSpan.FromSeconds(30),
            WorkerCount = 1,
        });
        using var crm = Open(engine);
        crm.Segments.Define(new SegmentDefinition("hog", "one customer takes all the memory",
            "if (Customer.Code == \"C-0100\") { var l = new List<string>(); for (var i = 0; i < 1_000_000; i++) l.Add(new string('x', 100_000)); }\nreturn true;"));

        var result = crm.Segments.Refresh("hog");

        Assert.Equal(Customers, result.Evaluated);
        Assert.Equal(Customers - 1, result.Members);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((new CustomerCode("C-0100"), "CRM1002"), (failure.Customer, failure.Kind));
        Assert.True(engine.Evaluators.Started >= 2, "a new worker took the rest of the batch");
    }

    [Fact]
    public void What_a_script_puts_in_an_exception_message_is_cut_short()
    {
        using var engine = new ScriptEngine();
        using var crm = Open(engine);
        crm.Segments.Define(new SegmentDefinition("loud", "throws a long message", "throw new Exception(new string('x', 2_000_000));"));

        var result = crm.Segments.Refresh("loud");

        Assert.Equal(Customers, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.InRange(f.Message.Length, ScriptRuntimeException.DetailLimit, ScriptRuntimeException.DetailLimit + 200));
        Assert.All(result.Failures, f => Assert.EndsWith("more characters)", f.Message));
    }
}
