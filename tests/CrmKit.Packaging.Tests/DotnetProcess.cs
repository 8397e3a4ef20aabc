using System.Diagnostics;
using System.Text;

namespace CrmKit.Packaging.Tests;

/// <summary>Runs a command to completion and hands back its exit code and output.</summary>
internal static class DotnetProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>Runs <paramref name="file"/> and fails with the full output unless it exits with 0.</summary>
    internal static string Run(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (code, output) = RunAllowingFailure(file, args, workingDirectory, environment);
        if (code != 0)
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' in '{workingDirectory}' exited with {code}:\n{output}");
        return output;
    }

    internal static (int ExitCode, string Output) RunAllowingFailure(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // A child build must not see the test run's own MSBuild settings, nor leave build nodes behind.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        var outputClosed = new TaskCompletionSource();
        var errorClosed = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => Append(e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Append(e.Data, errorClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // The bounded waits do not depend on the output pipes closing, which a lingering
        // grandchild (a compiler server) could hold open.
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(' ', start.ArgumentList)}' ran longer than {Limit}:\n{output}");
        }
        Task.WaitAll([outputClosed.Task, errorClosed.Task], TimeSpan.FromSeconds(30));
        lock (output) return (process.ExitCode, output.ToString());

        void Append(string? line, TaskCompletionSource closed)
        {
            if (line is null) { closed.TrySetResult(); return; }
            lock (output) output.AppendLine(line);
        }
    }
}
