using System.Globalization;

namespace CrmKit.Scripting;

/// <summary>How serious a <see cref="ScriptDiagnostic"/> is.</summary>
public enum ScriptSeverity
{
    /// <summary>The script is accepted, but something looks wrong.</summary>
    Warning,

    /// <summary>The script is rejected.</summary>
    Error,
}

/// <summary>
/// One finding about a script, from the C# compiler (codes <c>CSxxxx</c>) or from the sandbox
/// (codes <c>CRM0xxx</c>), placed at a line and column of the user's own file (both from 1).
/// <see cref="ToString"/> prints it the way the C# compiler does:
/// <c>path(line,col): error CODE: message</c>.
/// </summary>
/// <param name="Path">The script's file name or path as given to the engine.</param>
/// <param name="Line">The line in the user's file, from 1.</param>
/// <param name="Column">The column in the user's file, from 1.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">The diagnostic code, such as <c>CS0103</c> or <c>CRM0001</c>.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
public sealed record ScriptDiagnostic(string Path, int Line, int Column, ScriptSeverity Severity, string Code, string Message)
{
    /// <summary>Formats the diagnostic as <c>path(line,col): error CODE: message</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Path}({Line},{Column}): {(Severity == ScriptSeverity.Error ? "error" : "warning")} {Code}: {Message}");
}
