namespace CrmKit.Scripting;

/// <summary>A script was rejected by the C# compiler or by the sandbox; nothing was loaded.</summary>
public sealed class ScriptCompilationException : CrmException
{
    internal ScriptCompilationException(ScriptCheckResult result)
        : base($"Script '{result.Path}' was rejected:{Environment.NewLine}"
            + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == ScriptSeverity.Error)))
    {
        Diagnostics = result.Diagnostics;
    }

    /// <summary>Every diagnostic of the script, errors and warnings.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }
}
