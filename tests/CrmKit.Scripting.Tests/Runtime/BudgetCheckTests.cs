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
    [InlineData("Customer.Tags.Where(t => t.Length > 1).Any()", "Enter")]
    [InlineData("Customer.Tags.Select(t => t.Length).Sum() > 0", "Enter")]
    [InlineData("Customer.Tags.OrderBy(t => t).First() != \"\"", "Enter")]
    [InlineData("Customer.Tags.Any(a => Customer.Tags.Any(b => a != b))", "Enter")]
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

    private static string Rewrite(string source)
    {
        var wrapper = ScriptWrapper.Create(source, ScriptKind.Segment, "test.csx", guarded: false);
        var tree = CSharpSyntaxTree.ParseText(wrapper.Text, new CSharpParseOptions(LanguageVersion.Latest), ScriptWrapper.WrapperPath, Encoding.UTF8);
        var compilation = CSharpCompilation.Create("Rewrite", [tree], ScriptReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var (root, _) = BudgetRewriter.Rewrite(compilation.GetSemanticModel(tree), wrapper.UserSpan);
        return root.ToFullString();
    }
}
