using System.Diagnostics;

namespace CrmKit.Tests.Samples;

/// <summary>Runs a sample's built program as a child process in a given working folder.</summary>
internal static class SampleRunner
{
    internal static (int ExitCode, string Output) Run(string sample, string workingFolder)
    {
        var root = Docs.DocsSnippetTests.RepositoryRoot();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(root, "samples", sample, "bin", configuration, "net10.0", sample + ".dll");
        Assert.True(File.Exists(dll), $"sample not built at {dll}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the sample did not finish");
        return (process.ExitCode, output + stderr.Result);
    }
}
