using System.Text.RegularExpressions;
using CrmKit.Cli;
using CrmKit.Scripting.Tests.Corpus;

namespace CrmKit.Scripting.Tests.Cli;

/// <summary>Runs <c>crmkit script check</c> in-process over both corpora.</summary>
public class ScriptCheckCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CrmKitCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Files(string folder, ScriptKind kind, Func<CorpusScript, bool>? filter = null) =>
        Directory.GetFiles(CorpusScript.Folder(folder), "*.csx").Order(StringComparer.Ordinal)
            .Where(f =>
            {
                var script = CorpusScript.Load(folder, Path.GetFileName(f));
                return script.Kind == kind && (filter?.Invoke(script) ?? true);
            })
            .ToArray();

    [Theory]
    [InlineData(ScriptKind.Segment, "segment")]
    [InlineData(ScriptKind.Care, "care")]
    public void Accepted_corpus_checks_clean_with_exit_code_0(ScriptKind kind, string option)
    {
        var files = Files("Accepted", kind);
        Assert.NotEmpty(files);
        var (exit, output, error) = Run(["script", "check", .. files, "--kind", option]);
        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain(": error ", output);
        Assert.Contains($"{files.Length} script(s) accepted.", output);
    }

    [Theory]
    [InlineData(ScriptKind.Segment, "segment")]
    [InlineData(ScriptKind.Care, "care")]
    public void Hostile_scripts_rejected_at_check_time_exit_1_with_compiler_style_lines(ScriptKind kind, string option)
    {
        var files = Files("Hostile", kind, s => !s.Expect.StartsWith("runtime ", StringComparison.Ordinal) && s.Expect != "finished");
        Assert.NotEmpty(files);
        var (exit, output, _) = Run(["script", "check", .. files, "--kind", option]);
        Assert.Equal(1, exit);
        foreach (var file in files)
        {
            var expected = CorpusScript.Load("Hostile", Path.GetFileName(file)).Expect;
            Assert.Matches(new Regex("^" + Regex.Escape(file) + @"\(\d+,\d+\): error " + expected + ": .+$", RegexOptions.Multiline), output);
        }
        Assert.Contains($"{files.Length} of {files.Length} script(s) rejected.", output);
    }

    [Fact]
    public void One_rejected_file_among_accepted_ones_makes_the_exit_code_1()
    {
        var good = Files("Accepted", ScriptKind.Segment)[0];
        var bad = Path.Combine(CorpusScript.Folder("Hostile"), "file-read.csx");
        var (exit, output, _) = Run("script", "check", good, bad);
        Assert.Equal(1, exit);
        Assert.Matches(new Regex("^" + Regex.Escape(bad) + @"\(2,8\): error CRM0001: ", RegexOptions.Multiline), output);
    }

    [Fact]
    public void A_file_in_another_encoding_is_rejected_at_its_line_and_column_and_the_others_are_still_checked()
    {
        var good = Files("Accepted", ScriptKind.Segment)[0];
        var gbk = Path.Combine(Directory.CreateTempSubdirectory("crmkit-gbk-").FullName, "gbk.csx");
        File.WriteAllBytes(gbk, [.. "return Customer.Name == \""u8, 0xBF, 0xCD, 0xBB, 0xA7, .. "\";"u8]);

        var (exit, output, _) = Run("script", "check", gbk, good);

        Assert.Equal(1, exit);
        Assert.Matches(new Regex("^" + Regex.Escape(gbk) + @"\(1,26\): error CRM0017: The file is not valid UTF-8", RegexOptions.Multiline), output);
        Assert.Contains("1 of 2 script(s) rejected.", output);
        Directory.Delete(Path.GetDirectoryName(gbk)!, recursive: true);
    }

    [Theory]
    [InlineData("script", "check")]
    [InlineData("script", "check", "a.csx", "--kind", "report")]
    [InlineData("script", "frobnicate")]
    [InlineData("script", "check", "/no/such/file.csx")]
    public void Usage_errors_exit_with_2(params string[] args) => Assert.Equal(2, Run(args).Exit);
}
