using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CrmKit.Tests.Docs;

namespace CrmKit.Cli.Tests.Docs;

/// <summary>
/// Walks a getting-started page as its reader would, in a fresh folder: each fenced block named
/// with a file (<c>```csv customers.csv</c>) is written to that file, and each line of the
/// <c>```sh</c> blocks is run in order: <c>crmkit …</c> as the real tool in a child process in that
/// folder, <c>cp A B</c> as a copy. Every command must succeed. <c>dotnet tool install</c> is
/// left to the packaging tests, which install the tool from the packed packages.
/// </summary>
public sealed partial class DocWalkthrough : IDisposable
{
    private DocWalkthrough(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Each command run, with what it printed.</summary>
    public List<(string Command, string Output)> Transcript { get; } = [];

    public string OutputOf(string commandStart) => Transcript.Single(t => t.Command.StartsWith(commandStart, StringComparison.Ordinal)).Output;

    public static DocWalkthrough Run(string page)
    {
        var walk = new DocWalkthrough(Directory.CreateTempSubdirectory("crmkit-doc-").FullName);
        var text = File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), "docs", page));
        foreach (Match fence in Fence().Matches(text))
        {
            var (language, file, body) = (fence.Groups[1].Value, fence.Groups[2].Value, fence.Groups[3].Value);
            if (file.Length > 0) File.WriteAllText(Path.Combine(walk.Folder, file), body, new UTF8Encoding(false));
            else if (language == "sh")
            {
                foreach (var line in body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))) walk.Execute(line);
            }
        }
        Assert.NotEmpty(walk.Transcript);
        return walk;
    }

    private void Execute(string line)
    {
        var words = Words(line);
        switch (words[0])
        {
            case "dotnet" when words[1] == "tool":
                return;
            case "cp":
                File.Copy(Path.Combine(Folder, words[1]), Path.Combine(Folder, words[2]));
                Transcript.Add((line, ""));
                return;
            case "crmkit":
                var (exit, output) = Crmkit(words[1..]);
                Assert.True(exit == 0, $"'{line}' exited with {exit}:\n{output}");
                Transcript.Add((line, output));
                return;
            default:
                throw new InvalidOperationException($"The walkthrough does not know how to run '{line}'.");
        }
    }

    private (int Exit, string Output) Crmkit(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CrmKit.Cli.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"crmkit {string.Join(' ', arguments)} did not finish");
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>Splits a command line into words the way a shell would for these pages: spaces separate, double quotes group.</summary>
    private static string[] Words(string line) =>
        WordPattern().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    [GeneratedRegex("```([a-z]*)(?: ([^\\n]+))?\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex("\"([^\"]*)\"|(\\S+)")]
    private static partial Regex WordPattern();
}
