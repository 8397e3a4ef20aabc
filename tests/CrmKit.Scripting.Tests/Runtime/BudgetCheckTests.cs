using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmKit.Scripting.Tests.Runtime;

/// <summary>
/// Which budget check the compiler inserts where: none for straight-line code and for a leaf lambda
/// a LINQ method runs over the customer's own data, a time-only tick for a leaf lambda an eager LINQ
/// method runs over any other sequence, and the full stack-and-time check everywhere else.
/// </summary>
public class BudgetCheckTests
{
    [Theory]
    [InlineData("Customer.HasTag(\"vip\") && Customer.MonetaryTotal > 1000m", "")]
    [InlineData("Customer.Tags.Any(t => t.StartsWith(\"vi\")) && Customer.Stats.PurchaseCount >= 2", "")]
    [InlineData("Customer.Stats.CountsByKind.Sum(k => k.Value) > 1", "")]
    [InlineData("Enumerable.Count(Customer.TextList(\"vehicles\"), v => v.Length > 2) > 0", "")]
    [InlineData("(Customer.ContactPoints).All(p => p.Kind != \"fax\")", "")]
    [InlineData("new List<string> { \"a\" }.Any(t => t == \"a\")", "Tick")]
    [InlineData("Customer.Tags.Where(t => t.Length > 1).Any()", "Metered Enter")]
    [InlineData("Customer.Tags.Select(t => t.Length).Sum() > 0", "Metered Enter")]
    [InlineData("Customer.Tags.OrderBy(t => t).First() != \"\"", "Metered Enter")]
    [InlineData("Customer.Tags.Any(a => Customer.Tags.Any(b => a != b))", "Enter")]
    [InlineData("Customer.Tags.Concat(Customer.Tags).Distinct().Contains(\"vip\")", "Metered Metered")]
    [InlineData("Customer.Tags.OrderBy(t => t.Length).ThenBy(t => t).First() != \"\"", "Metered Metered Enter Enter")]
    [InlineData("(from t in Customer.Tags where t.Length > 1 select t).Any()", "Metered Ticked Ticked Ticked")]
    [InlineData("var f = (string t) => t.Length > 1;\nreturn Customer.Tags.Any(f);", "Enter")]
    [InlineData("Func<string, bool> f = t => t.Length > 1;\nreturn Customer.Tags.Any(t => f(t));", "Enter")]
    [InlineData("bool Long(string t) => t.Length > 1;\nreturn Customer.Tags.Any(t => Long(t));", "Enter")]
    [InlineData("var n = 0;\nforeach (var t in Customer.Tags) n++;\nreturn n > 0;", "Loop")]
    public void The_cheapest_sufficient_check_is_inserted(string source, string expected)
    {
        var rewritten = Rewrite(source);
        var guards = Regex.Matches(rewritten, @"ScriptGuard\.(\w+)\(").Select(m => m.Groups[1].Value);
        Assert.Equal(expected, string.Join(" ", guards));
        Assert.Contains($"Guarded = {(expected.Length > 0 ? "true" : "false")};", rewritten);
    }

    [Fact]
    public void A_script_whose_only_lambda_runs_over_customer_data_evaluates_without_a_budget()
    {
        using var script = new ScriptEngine().CompileSegment("Customer.Tags.Any(t => t.StartsWith(\"vip\"))", "tags.csx");
        Assert.True(script.Evaluate(TestCustomer.View, TestCustomer.Context()));
    }

    [Theory]
    [InlineData("Customer.Tags.Any(t => t.StartsWith(\"vi\")) && Customer.Stats.PurchaseCount >= 2", 1)]
    [InlineData("Customer.Tags.All((string t) => t.Length > 1) || Customer.ContactPoints.Count(p => p.Kind == \"email\") > 0", 2)]
    [InlineData("Customer.Tags.Any(t => t == Customer.Name)", 0)]
    [InlineData("var x = \"vip\";\nreturn Customer.Tags.Any(t => t == x);", 0)]
    [InlineData("Customer.Tags.Any(_ => true)", 0)]
    [InlineData("Customer.Tags.Where(t => t.Length > 1).Any(t => t.Length > 2)", 0)]
    [InlineData("Customer.Stats.CountsByKind.Any(k => k.Value > 1)", 0)]
    [InlineData("Customer.Tags.FirstOrDefault(t => t.Length > 1) != null", 0)]
    public void Linq_tests_over_customer_lists_that_use_only_their_element_become_loops(string source, int loops)
    {
        var rewritten = Rewrite(source, inline: true);
        Assert.Equal(loops, Regex.Matches(rewritten, $@"static \w+ {LoopInliner.Prefix}\d+\(").Count);
    }

    [Theory]
    [InlineData("Customer.Tags.Any(t => t.StartsWith(\"vi\"))")]
    [InlineData("Customer.Tags.Any(t => t.StartsWith(\"nope\"))")]
    [InlineData("Customer.Tags.All(t => t.Length > 2)")]
    [InlineData("Customer.Tags.All(t => t.Length > 3)")]
    [InlineData("Customer.Tags.Count(t => t.Contains('-')) == 1")]
    [InlineData("Customer.ContactPoints.Count(p => p.Kind == \"email\") == 1")]
    [InlineData("Customer.TextList(\"vehicles\").All(v => v.Length > 0)")]
    [InlineData("Customer.TextList(\"none\").Any(v => v.Length > 0)")]
    public void A_loop_answers_as_the_linq_method_does(string source)
    {
        var expected = Func(source).Invoke(null);
        using var script = new ScriptEngine().CompileSegment(source, "loop.csx");
        Assert.Contains(LoopInliner.Prefix, Rewrite(source, inline: true));
        Assert.Equal(expected, script.Evaluate(TestCustomer.View, TestCustomer.Context()));
    }

    [Fact]
    public void An_error_inside_a_loop_names_the_line_of_the_test()
    {
        using var script = new ScriptEngine().CompileSegment("Customer.Tags.Count > 0 &&\nCustomer.Tags.Any(t =>\n    t[100] == 'x')", "index.csx");
        Assert.Contains(LoopInliner.Prefix, Rewrite("Customer.Tags.Count > 0 &&\nCustomer.Tags.Any(t =>\n    t[100] == 'x')", inline: true));
        var error = Assert.Throws<ScriptRuntimeException>(() => script.Evaluate(TestCustomer.View, TestCustomer.Context()));
        Assert.Contains("IndexOutOfRangeException", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_loop_walks_arrays_and_other_lists_alike(bool array)
    {
        string[] tags = ["b2b", "vip", "x"];
        var view = new CustomerView(new Customer("C-9", "Nine") { Tags = array ? tags : new List<string>(tags) }, CustomerStats.Empty);
        using var any = new ScriptEngine().CompileSegment("Customer.Tags.Any(source => source == \"vip\")", "any.csx");
        using var all = new ScriptEngine().CompileSegment("Customer.Tags.All(t => t.Length > 1)", "all.csx");
        using var count = new ScriptEngine().CompileSegment("Customer.Tags.Count(t => t.Length == 3) == 2", "count.csx");
        Assert.True(any.Evaluate(view, TestCustomer.Context()));
        Assert.False(all.Evaluate(view, TestCustomer.Context()));
        Assert.True(count.Evaluate(view, TestCustomer.Context()));
        Assert.Equal(3, Regex.Matches(Rewrite("Customer.Tags.Any(source => source == \"vip\") && Customer.Tags.All(t => t.Length > 1) && Customer.Tags.Count(t => t.Length == 3) == 2", inline: true),
            $@"static \w+ {LoopInliner.Prefix}\d+\(").Count);
    }

    [Theory]
    [InlineData("Customer.Tags.Any(t => t.StartsWith(\"vi\")) && Customer.Stats.PurchaseCount >= 2")]
    [InlineData("Customer.Tags.Count > 0 && Customer.Tags.Any(t => t.StartsWith(\"vi\"))")]
    [InlineData("\n  Customer.Tags.All(t => t.Length > 1)")]
    public void The_emitted_script_contains_the_loop_wherever_the_call_stands(string source)
    {
        // The compiler falls back to the plain rewrite when the one with loops does not compile, so
        // the loop must be looked for in the emitted assembly, not only in the rewritten text.
        var (result, image) = ScriptCompiler.Compile(source, ScriptKind.Segment, "loop.csx", ScriptEngine.KeyOf(source, ScriptKind.Segment), emit: true);
        Assert.True(result.IsAccepted);
        using var pe = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(image!.Assembly));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var names = metadata.MethodDefinitions.Select(h => metadata.GetString(metadata.GetMethodDefinition(h).Name)).ToList();
        Assert.Contains(names, n => n.Contains(LoopInliner.Prefix, StringComparison.Ordinal));
    }

    /// <summary>The same predicate as a hand-written lambda over the test customer.</summary>
    private static Func<object?, bool> Func(string source) => source switch
    {
        "Customer.Tags.Any(t => t.StartsWith(\"vi\"))" => _ => TestCustomer.View.Tags.Any(t => t.StartsWith("vi")),
        "Customer.Tags.Any(t => t.StartsWith(\"nope\"))" => _ => TestCustomer.View.Tags.Any(t => t.StartsWith("nope")),
        "Customer.Tags.All(t => t.Length > 2)" => _ => TestCustomer.View.Tags.All(t => t.Length > 2),
        "Customer.Tags.All(t => t.Length > 3)" => _ => TestCustomer.View.Tags.All(t => t.Length > 3),
        "Customer.Tags.Count(t => t.Contains('-')) == 1" => _ => TestCustomer.View.Tags.Count(t => t.Contains('-')) == 1,
        "Customer.ContactPoints.Count(p => p.Kind == \"email\") == 1" => _ => TestCustomer.View.ContactPoints.Count(p => p.Kind == "email") == 1,
        "Customer.TextList(\"vehicles\").All(v => v.Length > 0)" => _ => TestCustomer.View.TextList("vehicles").All(v => v.Length > 0),
        "Customer.TextList(\"none\").Any(v => v.Length > 0)" => _ => TestCustomer.View.TextList("none").Any(v => v.Length > 0),
        _ => throw new ArgumentException(source),
    };

    private static string Rewrite(string source, bool inline = false)
    {
        var wrapper = ScriptWrapper.Create(source, ScriptKind.Segment, "test.csx", guarded: false);
        var tree = CSharpSyntaxTree.ParseText(wrapper.Text, new CSharpParseOptions(LanguageVersion.Latest), ScriptWrapper.WrapperPath, Encoding.UTF8);
        var compilation = CSharpCompilation.Create("Rewrite", [tree], ScriptReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var (root, _) = BudgetRewriter.Rewrite(compilation.GetSemanticModel(tree), wrapper.UserSpan, inline ? "test.csx" : null);
        return root.ToFullString();
    }
}
