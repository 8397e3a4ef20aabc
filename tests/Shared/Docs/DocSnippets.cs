using System.Text.RegularExpressions;

namespace CrmKit.Tests.Docs;

/// <summary>
/// Ties a docs page to the test code that runs its snippets: every code block of the page must
/// appear, line for line (indentation aside), in one of the test files named, so what the page
/// shows is code a test compiles and runs.
/// </summary>
public static partial class DocSnippets
{
    /// <summary>The repository's root: the folder above the test's output that holds <c>CrmKit.sln</c>.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmKit.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CrmKit.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The code blocks of <paramref name="page"/> (a path under <c>docs/</c>) fenced as <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> Blocks(string page, string language = "csharp") =>
        BlocksOf(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", page)), language);

    private static string[] BlocksOf(string markdown, string language) =>
        Fence().Matches(markdown).Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value).ToArray();

    /// <summary>Fails naming the first block of <paramref name="page"/> that none of <paramref name="sources"/> (paths from the repository's root) holds.</summary>
    public static void AssertEveryBlockIsIn(string page, params string[] sources) =>
        AssertIn(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", page)), sources);

    /// <summary>As <see cref="AssertEveryBlockIsIn"/>, for the blocks under the <c>## </c> heading <paramref name="heading"/> of <paramref name="page"/> only.</summary>
    public static void AssertEveryBlockOfSectionIsIn(string page, string heading, params string[] sources)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", page));
        var start = text.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Xunit.Assert.True(start >= 0, $"docs/{page} has no section '{heading}'");
        var end = text.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        AssertIn(end < 0 ? text[start..] : text[start..end], sources);
    }

    private static void AssertIn(string markdown, string[] sources)
    {
        var code = string.Join("\n", sources.Select(s => Normalize(File.ReadAllText(Path.Combine(RepositoryRoot(), s)))));
        var blocks = BlocksOf(markdown, "csharp");
        Xunit.Assert.NotEmpty(blocks);
        Xunit.Assert.All(blocks, block => Xunit.Assert.True(code.Contains(Normalize(block), StringComparison.Ordinal), $"not in {string.Join(" or ", sources)}:\n{block}"));
    }

    private static string Normalize(string code) => string.Join("\n", code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex("```([a-z]*)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
