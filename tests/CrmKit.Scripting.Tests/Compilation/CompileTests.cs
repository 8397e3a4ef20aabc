namespace CrmKit.Scripting.Tests.Compilation;

public class CompileTests
{
    private readonly ScriptEngine _engine = new();

    [Fact]
    public void An_expression_script_evaluates_against_the_customer()
    {
        using var script = _engine.CompileSegment("Customer.HasTag(\"vip\") && Customer.Integer(\"age\") >= 40", "vip.csx");
        Assert.True(script.Evaluate(TestCustomer.View, TestCustomer.Context()));
    }

    [Fact]
    public void A_statement_body_script_evaluates_against_the_customer()
    {
        using var script = _engine.CompileSegment("var total = Customer.MonetaryTotal;\nreturn total > Param<decimal>(\"threshold\");", "body.csx");
        Assert.True(script.Evaluate(TestCustomer.View, TestCustomer.Context()));
    }

    [Fact]
    public void Compile_errors_are_placed_in_the_users_file()
    {
        var result = _engine.Check("var x = 1;\nreturn y > x;", ScriptKind.Segment, "scripts/bad.csx");
        var error = Assert.Single(result.Diagnostics, d => d.Severity == ScriptSeverity.Error);
        Assert.Equal("scripts/bad.csx(2,8): error CS0103: The name 'y' does not exist in the current context", error.ToString());
    }

    [Fact]
    public void A_missing_return_is_reported_at_the_start_of_the_file()
    {
        var result = _engine.Check("var x = 1;", ScriptKind.Segment, "noreturn.csx");
        Assert.False(result.IsAccepted);
        Assert.Contains(result.Diagnostics, d => d.Code == "CS0161" && d.Line == 1 && d.Column == 1);
    }

    [Fact]
    public void Sandbox_rejections_name_line_and_column()
    {
        var result = _engine.Check("var ok = true;\n  var text = System.IO.File.ReadAllText(\"/etc/passwd\");\nreturn ok;", ScriptKind.Segment, "io.csx");
        var error = Assert.Single(result.Diagnostics, d => d.Code == "CRM0001");
        Assert.Equal((2, 14), (error.Line, error.Column));
        Assert.StartsWith("io.csx(2,14): error CRM0001: 'System.IO.File' is not allowed in scripts", error.ToString());
    }

    [Fact]
    public void An_endless_loop_stops_with_a_time_budget_error_on_its_line()
    {
        var engine = new ScriptEngine(new ScriptEngineOptions { TimeBudget = TimeSpan.FromMilliseconds(20) });
        using var script = engine.CompileSegment("var n = 0;\nwhile (true) { n++; }\nreturn n > 0;", "loop.csx");
        var error = Assert.Throws<ScriptRuntimeException>(() => script.Evaluate(TestCustomer.View, TestCustomer.Context()));
        Assert.Equal(ScriptFailure.TimeBudget, error.Failure);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("loop.csx(2): error CRM1001:", error.Message);
    }

    [Fact]
    public void An_exception_fails_one_evaluation_with_the_scripts_line()
    {
        using var script = _engine.CompileSegment("var zero = Customer.Tags.Count - 3;\nvar x = 10 / zero;\nreturn x > 0;", "div.csx");
        var error = Assert.Throws<ScriptRuntimeException>(() => script.Evaluate(TestCustomer.View, TestCustomer.Context()));
        Assert.Equal(ScriptFailure.Exception, error.Failure);
        Assert.Equal(2, error.Line);
        Assert.Contains("DivideByZeroException", error.Message);
        using var next = _engine.CompileSegment("true", "next.csx");
        Assert.True(next.Evaluate(TestCustomer.View, TestCustomer.Context()));
    }

    [Fact]
    public void A_care_script_proposes_actions()
    {
        using var script = _engine.CompileCare("Care.Propose(\"birthday\", due: Now.AddDays(4), channel: \"email\", priority: CarePriority.High);", "care.csx");
        var proposal = Assert.Single(script.Propose(TestCustomer.View, TestCustomer.Context()));
        Assert.Equal(new CareProposal("birthday", TestCustomer.Now.AddDays(4), "email", CarePriority.High, null), proposal);
    }
}
