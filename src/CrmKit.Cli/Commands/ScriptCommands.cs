using System.CommandLine;
using CrmKit.Scripting;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit script …</c> command group.</summary>
internal static class ScriptCommands
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "The script files to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var kind = new Option<string>("--kind")
        {
            Description = "What the scripts are: segment (an expression or body returning bool) or care (statements calling Care.Propose).",
            DefaultValueFactory = _ => "segment",
        };
        kind.AcceptOnlyFromAmong("segment", "care");
        var check = new Command("check", "Compile and sandbox-check scripts; print diagnostics as path(line,col): error CODE: message.")
        {
            files,
            kind,
        };
        check.SetAction(parsed => Check(parsed.GetValue(files)!, parsed.GetValue(kind) == "care" ? ScriptKind.Care : ScriptKind.Segment, output, error));
        return new Command("script", "Work with segment and care scripts.") { check };
    }

    /// <summary>Checks every file; 0 when all are accepted, 1 otherwise, 2 when a file cannot be read.</summary>
    internal static int Check(IReadOnlyList<FileInfo> files, ScriptKind kind, TextWriter output, TextWriter error)
    {
        using var engine = new ScriptEngine();
        var rejected = 0;
        foreach (var file in files)
        {
            string source;
            try
            {
                source = ScriptEngine.ReadSource(file.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"crmkit: cannot read '{Printable.Message(file.ToString())}': {Printable.Message(e.Message)}");
                return CrmKitCli.UsageError;
            }
            catch (ScriptCompilationException e)
            {
                // Bytes that are not text in an encoding a script may be in.
                foreach (var diagnostic in e.Diagnostics) output.WriteLine(Printable.Message((diagnostic with { Path = file.ToString() }).ToString()));
                rejected++;
                continue;
            }
            var result = engine.Check(source, kind, file.ToString());
            foreach (var diagnostic in result.Diagnostics) output.WriteLine(Printable.Message(diagnostic.ToString()));
            if (!result.IsAccepted) rejected++;
        }
        output.WriteLine(rejected == 0
            ? $"{files.Count} script(s) accepted."
            : $"{rejected} of {files.Count} script(s) rejected.");
        return rejected == 0 ? CrmKitCli.Success : CrmKitCli.Problems;
    }
}
