using System.Text.RegularExpressions;

namespace CrmKit.Tests.Docs;

/// <summary>Every C# block in docs/concepts.md must be code that a test compiles and runs.</summary>
public partial class DocsSnippetTests
{
    [Fact]
    public void Every_code_block_of_the_concepts_page_is_taken_from_a_running_test()
    {
        var root = RepositoryRoot();
        var page = File.ReadAllText(Path.Combine(root, "docs", "concepts.md"));
        var source = Normalize(File.ReadAllText(Path.Combine(root, "tests", "CrmKit.Tests", "Docs", "ConceptsSnippets.cs")));

        var blocks = CodeBlock().Matches(page).Select(m => m.Groups[1].Value).ToArray();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.True(source.Contains(Normalize(block), StringComparison.Ordinal), "not in ConceptsSnippets.cs:\n" + block));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmKit.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CrmKit.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Normalize(string code) => string.Join("\n", code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
