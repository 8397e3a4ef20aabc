namespace CrmKit.Scripting;

/// <summary>The outcome of checking a script: every compiler and sandbox diagnostic, in file order.</summary>
public sealed class ScriptCheckResult
{
    internal ScriptCheckResult(string path, ScriptKind kind, IReadOnlyList<ScriptDiagnostic> diagnostics)
    {
        Path = path;
        Kind = kind;
        Diagnostics = diagnostics;
    }

    /// <summary>The script's path as given.</summary>
    public string Path { get; }

    /// <summary>The kind the script was checked as.</summary>
    public ScriptKind Kind { get; }

    /// <summary>Errors and warnings, ordered by line and column.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }

    /// <summary>True when there is no error: the script may be compiled and run.</summary>
    public bool IsAccepted => Diagnostics.All(d => d.Severity != ScriptSeverity.Error);
}
