using System.Runtime.InteropServices;

namespace CrmKit.Scripting;

/// <summary>How script workers are started and limited, taken from the engine's options once.</summary>
internal sealed record WorkerSettings(string DotnetPath, string WorkerPath, long HeapLimitBytes, TimeSpan BatchTimeLimit,
    TimeSpan CompileTimeLimit, int RecycleAfterLoads, int Count)
{
    internal static WorkerSettings From(ScriptEngineOptions options) => new(
        DotnetHost(),
        options.WorkerPath ?? Path.Combine(Path.GetDirectoryName(typeof(ScriptEngine).Assembly.Location) ?? AppContext.BaseDirectory, WorkerProcess.FileName),
        options.WorkerHeapLimitBytes,
        options.WorkerBatchTimeLimit,
        options.WorkerCompileTimeLimit,
        options.WorkerRecycleAfterLoads,
        options.WorkerCount);

    /// <summary>
    /// The dotnet host this process runs on: the process itself when it is <c>dotnet</c>, else the
    /// <c>dotnet</c> at the root of the runtime this process runs on (an application started from
    /// its own executable), else the one the SDK names in <c>DOTNET_HOST_PATH</c>.
    /// </summary>
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), name, StringComparison.OrdinalIgnoreCase)) return self;
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, name);
        if (File.Exists(candidate)) return candidate;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : name;
    }
}
