using System.CommandLine;
using CrmKit.Scripting;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// What the database commands share: the <c>--db</c> option, a Spectre console over the command's
/// output, opening the database (a file or a PostgreSQL server) with scripted segments enabled, and turning failures into exit codes
/// (1 when the operation failed, 2 when the command line named something unusable).
/// </summary>
internal sealed class CliSession(TextWriter output, TextWriter error, ParseResult parsed)
{
    internal static Option<string> DbOption() => new("--db")
    {
        Description = DatabaseOption.Takes + " A file's settings are read from the same path plus '.json'.",
        Required = true,
    };

    /// <summary>Tables written anywhere but a terminal (a file, a pipe, a test) are this wide, so rows are not wrapped mid-value.</summary>
    internal const int RedirectedWidth = 200;

    internal IAnsiConsole Console { get; } = CreateConsole(output);

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        if (!terminal) console.Profile.Width = RedirectedWidth;
        return console;
    }

    internal ScriptEngine Engine { get; } = new();

    /// <summary>
    /// Opens <paramref name="db"/> for writing, as every command that changes it does, and runs
    /// <paramref name="work"/>, mapping failures to exit codes.
    /// </summary>
    internal int Run(string db, Func<CrmDatabase, int> work) => Open(db, readOnly: false, work);

    /// <summary>Opens <paramref name="db"/> read-only, as commands that only read do, and runs <paramref name="work"/>.</summary>
    internal int Read(string db, Func<CrmDatabase, int> work) => Open(db, readOnly: true, work);

    private int Open(string db, bool readOnly, Func<CrmDatabase, int> work)
    {
        try
        {
            var target = DatabaseTarget.Parse(db);
            if (!target.IsServer && !File.Exists(target.FilePath))
            {
                error.WriteLine($"crmkit: database '{Printable.Message(db)}' does not exist.");
                return CrmKitCli.UsageError;
            }
            var options = DatabaseOption.OptionsFor(target, readOnly, DatabaseOption.WaitOf(parsed)) with { SegmentScripts = new ScriptedSegments(Engine) };
            using var crm = DatabaseOption.Open(target, options);
            return work(crm);
        }
        catch (CommandFailure e)
        {
            error.WriteLine($"crmkit: {Printable.Message(e.Message)}");
            return e.ExitCode;
        }
        catch (ScriptCompilationException e)
        {
            foreach (var d in e.Diagnostics) output.WriteLine(Printable.Message(d.ToString()));
            error.WriteLine($"crmkit: the script was rejected.");
            return CrmKitCli.Problems;
        }
        catch (Exception e) when (e is CrmException or ScriptRuntimeException)
        {
            error.WriteLine($"crmkit: {Printable.Message(e.Message)}");
            return CrmKitCli.Problems;
        }
    }

    /// <summary>Reads a script file, or reports why not (exit code 2).</summary>
    internal bool TryRead(FileInfo file, out string source)
    {
        try
        {
            source = ScriptEngine.ReadSource(file.FullName);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"crmkit: cannot read '{Printable.Message(file.ToString())}': {Printable.Message(e.Message)}");
            source = "";
            return false;
        }
        catch (ScriptCompilationException e)
        {
            // Not text in an encoding a script may be in: the diagnostic names the line and column.
            foreach (var d in e.Diagnostics) output.WriteLine(Printable.Message((d with { Path = file.ToString() }).ToString()));
            error.WriteLine($"crmkit: cannot read '{Printable.Message(file.ToString())}' as a script.");
            source = "";
            return false;
        }
    }

    internal void Fail(string message) => error.WriteLine("crmkit: " + message);
}
