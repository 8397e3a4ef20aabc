using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Scripting.Tests.Sandbox;

/// <summary>Invariants of checking and diagnostics, over generated scripts.</summary>
public class SandboxPropertyTests
{
    private static readonly ScriptEngine Engine = new();

    private static readonly string[] Forbidden =
    [
        "System.IO.File.Exists(\"x\")", "Environment.ProcessorCount > 0", "GC.MaxGeneration > 0",
        "System.Diagnostics.Debugger.IsAttached", "Type.GetType(\"System.String\") != null", "DateTime.Now.Year > 0",
    ];

    private static readonly string[] Allowed =
    [
        "Customer.HasTag(\"vip\")", "Customer.MonetaryTotal > 10m", "Customer.Name.Length > 2", "Math.Abs(-1) == 1",
        "Customer.Tags.Any(t => t.Length > 2)", "Now.Year > 2000",
    ];

    public static Arbitrary<(int Blank, int Forbidden, int Allowed)> Placements() =>
        Gen.Choose(0, 20).SelectMany(b => Gen.Choose(0, Forbidden.Length - 1).SelectMany(f => Gen.Choose(0, Allowed.Length - 1).Select(a => (b, f, a))))
            .ToArbitrary();

    [Property(Arbitrary = [typeof(SandboxPropertyTests)], MaxTest = 30)]
    public bool A_forbidden_call_is_rejected_on_the_line_it_is_written((int Blank, int Forbidden, int Allowed) p)
    {
        var source = string.Concat(Enumerable.Repeat("\n", p.Blank)) + $"var ok = {Allowed[p.Allowed]};\nvar bad = {Forbidden[p.Forbidden]};\nreturn ok && bad;";
        var result = Engine.Check(source, ScriptKind.Segment, "gen.csx");
        return !result.IsAccepted
            && result.Diagnostics.Where(d => d.Severity == ScriptSeverity.Error)
                .All(d => d.Code.StartsWith("CRM", StringComparison.Ordinal) && d.Line == p.Blank + 2 && d.Column >= 11);
    }

    [Property(Arbitrary = [typeof(SandboxPropertyTests)], MaxTest = 20)]
    public bool An_allowed_expression_is_accepted_and_agrees_with_its_statement_form((int Blank, int Forbidden, int Allowed) p)
    {
        var expression = Allowed[p.Allowed];
        using var asExpression = Engine.CompileSegment(string.Concat(Enumerable.Repeat("\n", p.Blank)) + expression, "expr.csx");
        using var asBody = Engine.CompileSegment($"var result = {expression};\nreturn result;", "body.csx");
        return asExpression.Evaluate(TestCustomer.View, TestCustomer.Context()) == asBody.Evaluate(TestCustomer.View, TestCustomer.Context());
    }

    [Property(MaxTest = 50)]
    public bool Cache_key_depends_on_source_and_kind(NonNull<string> a, NonNull<string> b) =>
        (ScriptEngine.KeyOf(a.Get, ScriptKind.Segment) == ScriptEngine.KeyOf(b.Get, ScriptKind.Segment)) == (a.Get == b.Get)
        && ScriptEngine.KeyOf(a.Get, ScriptKind.Segment) != ScriptEngine.KeyOf(a.Get, ScriptKind.Care);
}
