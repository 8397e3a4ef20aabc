using System.Text.RegularExpressions;
using CrmKit.Tests.Docs;

namespace CrmKit.Tests.Lifecycle;

/// <summary>The code shown in docs/stage-rules.md, run as a test; every block of the page must appear here.</summary>
public partial class StageRuleDocsTests
{
    [Fact]
    public void Rules_with_other_stage_names_build_in_order()
    {
        var names = new StageNames(prospect: "lead", @new: "customer", growing: "regular", declining: "at-risk", churned: "lost", wonBack: "returned");
        IReadOnlyList<IStageRule> rules = StageRules.Defaults(names, decliningFactor: 2.0, churnedFactor: 4.0, minimumGapDays: 30);

        Assert.Equal(["first-purchase", "repeat-purchase", "won-back", "declining", "churned"], rules.Select(r => r.Name));
    }

    [Fact]
    public void Every_code_block_of_the_stage_rules_page_is_taken_from_a_running_test()
    {
        var root = DocsSnippetTests.RepositoryRoot();
        var page = File.ReadAllText(Path.Combine(root, "docs", "stage-rules.md"));
        var source = Normalize(File.ReadAllText(Path.Combine(root, "tests", "CrmKit.Tests", "Lifecycle", "StageRuleDocsTests.cs")));
        var blocks = CodeBlock().Matches(page).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.True(source.Contains(Normalize(block), StringComparison.Ordinal), "not in StageRuleDocsTests.cs:\n" + block));
    }

    private static string Normalize(string code) => string.Join("\n", code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
