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
    public void Turning_the_rules_on_makes_the_sweep_move_customers()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        using var crm = CrmDatabase.Open(CrmOptions.InMemory() with
        {
            TimeProvider = clock,
            StageRules = StageRuleSettings.BuiltIn with { DecliningFactor = 2.0, ChurnedFactor = 4.0, MinimumGapDays = 30 },
        });
        crm.Customers.Create(new Customer("C1", "王芳"));
        crm.Interactions.Record(new Interaction("C1", InteractionKind.Purchase, Channel.Store, clock.GetUtcNow()) { Amount = 100m });

        SweepResult sweep = crm.Care.Sweep(CareRules.Defaults());   // stage rules first, then the care rules
        StageRuleRun stages = sweep.Stages!;                          // the moves made and the proposals refused

        Assert.Equal(("prospect", "new", "rule first-purchase"), (stages.Changes[0].From!.Value.Name, stages.Changes[0].To.Name, stages.Changes[0].Reason));
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
