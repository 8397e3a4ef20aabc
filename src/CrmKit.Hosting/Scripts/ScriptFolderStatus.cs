using CrmKit.Scripting;

namespace CrmKit.Hosting.Scripts;

/// <summary>Which scripts of the watched folder are broken (their last edit was rejected) and why. Thread-safe.</summary>
internal sealed class ScriptFolderStatus
{
    private readonly Dictionary<string, IReadOnlyList<ScriptDiagnostic>> _broken = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Counts every load attempt that ended, so tests and tools can wait for a reload.</summary>
    internal int Version { get; private set; }

    internal IReadOnlyDictionary<string, IReadOnlyList<ScriptDiagnostic>> Broken()
    {
        lock (_lock) return new Dictionary<string, IReadOnlyList<ScriptDiagnostic>>(_broken, StringComparer.Ordinal);
    }

    internal void MarkBroken(string name, IReadOnlyList<ScriptDiagnostic> diagnostics)
    {
        lock (_lock)
        {
            _broken[name] = diagnostics;
            Version++;
        }
    }

    internal void MarkGood(string name)
    {
        lock (_lock)
        {
            _broken.Remove(name);
            Version++;
        }
    }
}
