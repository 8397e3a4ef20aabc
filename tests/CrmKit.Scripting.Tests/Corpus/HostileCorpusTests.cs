namespace CrmKit.Scripting.Tests.Corpus;

/// <summary>
/// Every hostile script is either rejected before any code is loaded (with the expected CRM code)
/// or stopped at run time with the expected CRM1xxx failure, and the test process carries on.
/// </summary>
public class HostileCorpusTests
{
    private static readonly ScriptEngine Engine = HostileRunner.Engine;

    public static IEnumerable<object[]> Scripts => CorpusScript.All("Hostile");

    [Fact]
    public void The_corpus_has_at_least_forty_escape_routes() => Assert.True(Scripts.Count() >= 40);

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Hostile_script_is_rejected_or_stopped(string file)
    {
        var script = CorpusScript.Load("Hostile", file);
        // A script that must be stopped by its memory budget runs with a time budget it cannot
        // reach first, so a busy machine does not turn its CRM1002 into a CRM1001.
        var engine = script.MemoryOnly ? HostileRunner.MemoryOnlyEngine : Engine;
        var check = engine.Check(script.Source, script.Kind, script.Path);
        if (script.Expect == "finished")
        {
            // Harmless once isolated: the worker runs it to the end and the host gets an answer.
            Assert.True(check.IsAccepted, string.Join("\n", check.Diagnostics));
            using var done = engine.Compile(script.Source, script.Kind, script.Path);
            HostileRunner.Evaluate(done);
            return;
        }
        if (!script.Expect.StartsWith("runtime ", StringComparison.Ordinal))
        {
            Assert.False(check.IsAccepted, $"{file} was accepted.");
            Assert.Contains(check.Diagnostics, d => d.Code == script.Expect && d.Severity == ScriptSeverity.Error);
            Assert.Throws<ScriptCompilationException>(() => engine.Compile(script.Source, script.Kind, script.Path));
            return;
        }
        Assert.True(check.IsAccepted, string.Join("\n", check.Diagnostics));
        if (script.RunInChildProcess)
        {
            // A regression here could overflow the stack, which no catch survives: the child
            // process must report the expected runtime error and exit normally, not crash.
            var (exitCode, output) = HostileRunner.RunInChildProcess(file);
            Assert.True(exitCode == HostileRunner.Stopped, $"{file}: the child process exited with {exitCode}:\n{output}");
            Assert.Contains(output.Split('\n')[0].Trim(), ExpectedRuntimeCodes(script));
            return;
        }
        using var compiled = engine.Compile(script.Source, script.Kind, script.Path);
        var error = Assert.Throws<ScriptRuntimeException>(() => HostileRunner.Evaluate(compiled));
        Assert.Contains(error.Code, ExpectedRuntimeCodes(script));
        Assert.Equal(script.Path, error.ScriptPath);
        // A worker that ended (a crash, a limit) cannot say on which line; the guards can.
        if (!error.Message.Contains("worker process", StringComparison.Ordinal))
        {
            Assert.NotNull(error.Line);
            Assert.Matches(@"^.+\(\d+\): error CRM1\d{3}: ", error.Message);
        }
    }

    /// <summary>The runtime codes a script may stop with: <c>runtime CRM1001</c>, or alternatives as <c>runtime CRM1001|CRM1002</c>.</summary>
    private static string[] ExpectedRuntimeCodes(CorpusScript script) => script.Expect["runtime ".Length..].Split('|');
}
