using System.Diagnostics;

namespace CrmKit.Scripting.Tests.Corpus;

/// <summary>Runs one hostile script, in this process or in a child process.</summary>
public static class HostileRunner
{
    /// <summary>Exit code when the script was stopped with a runtime error (its code is printed).</summary>
    public const int Stopped = 0;

    /// <summary>Exit code when the script finished without an error.</summary>
    public const int Finished = 3;

    /// <summary>Exit code when the script was rejected.</summary>
    public const int Rejected = 4;

    internal static readonly ScriptEngine Engine = new(new ScriptEngineOptions { TimeBudget = TimeSpan.FromMilliseconds(1000) });

    /// <summary>For scripts marked <c>// budget: memory</c>: a time budget of a minute, so only memory can stop them.</summary>
    internal static readonly ScriptEngine MemoryOnlyEngine = new(new ScriptEngineOptions { TimeBudget = TimeSpan.FromMinutes(1), WorkerBatchTimeLimit = TimeSpan.FromMinutes(2) });

    /// <summary>
    /// Compiles and runs <paramref name="file"/> on a thread with a 1 MB stack (the smallest default
    /// of the platforms .NET runs on), prints the runtime error's code and returns <see cref="Stopped"/>.
    /// </summary>
    public static int Run(string file)
    {
        var code = Finished;
        var thread = new Thread(() => code = RunHere(file), maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        return code;
    }

    private static int RunHere(string file)
    {
        var script = CorpusScript.Load("Hostile", file);
        CompiledScript compiled;
        try
        {
            compiled = Engine.Compile(script.Source, script.Kind, script.Path);
        }
        catch (ScriptCompilationException e)
        {
            Console.WriteLine("rejected: " + e.Message);
            return Rejected;
        }
        using (compiled)
        {
            try
            {
                Evaluate(compiled);
            }
            catch (ScriptRuntimeException e)
            {
                Console.WriteLine(e.Code);
                Console.WriteLine(e.Message);
                return Stopped;
            }
        }
        Console.WriteLine("finished");
        return Finished;
    }

    internal static void Evaluate(CompiledScript script) => Evaluate(script, TestCustomer.View, TestCustomer.Context());

    internal static void Evaluate(CompiledScript script, CustomerView view, ScriptContext context)
    {
        if (script is SegmentScript segment) segment.Evaluate(view, context);
        else ((CareScript)script).Propose(view, context);
    }

    /// <summary>Runs <paramref name="file"/> in a child process: its exit code and what it printed.</summary>
    public static (int ExitCode, string Output) RunInChildProcess(string file)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", System.IO.Path.Combine(AppContext.BaseDirectory, "CrmKit.Scripting.Tests.dll"), "--run-hostile", file })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            return (-1, output + "\n(timed out)");
        }
        return (process.ExitCode, output + error.Result);
    }
}
