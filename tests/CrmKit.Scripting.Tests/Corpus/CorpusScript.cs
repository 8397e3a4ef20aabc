namespace CrmKit.Scripting.Tests.Corpus;

/// <summary>
/// One script of the corpus with its header: <c>// kind: care</c> (optional), <c>// expect: …</c> and
/// <c>// run: child-process</c> (optional: a script that could end the process runs in a child process) and
/// <c>// budget: memory</c> (optional: only the memory budget may stop it).
/// </summary>
public sealed record CorpusScript(string Path, string Source, ScriptKind Kind, string Expect, bool RunInChildProcess = false, bool MemoryOnly = false)
{
    public static string Folder(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Corpus", name);

    public static IEnumerable<object[]> All(string folder) =>
        Directory.GetFiles(Folder(folder), "*.csx").Order(StringComparer.Ordinal).Select(f => new object[] { System.IO.Path.GetFileName(f) });

    public static CorpusScript Load(string folder, string file)
    {
        var path = System.IO.Path.Combine(Folder(folder), file);
        var source = File.ReadAllText(path);
        var header = source.Split('\n').TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).ToList();
        string? Value(string key) => header.Select(l => l[2..].Trim()).Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => l[(key.Length + 1)..].Trim()).FirstOrDefault();
        var kind = Value("kind") == "care" ? ScriptKind.Care : ScriptKind.Segment;
        var expect = Value("expect") ?? throw new InvalidOperationException($"{file} has no '// expect:' header.");
        return new CorpusScript(path, source, kind, expect, Value("run") == "child-process", Value("budget") == "memory");
    }
}
