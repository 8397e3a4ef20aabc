using System.Globalization;

namespace CrmKit.Scripting;

/// <summary>Why an evaluation of a script failed.</summary>
public enum ScriptFailure
{
    /// <summary>The script threw an exception (code <c>CRM1000</c>).</summary>
    Exception,

    /// <summary>The script ran longer than its time budget (code <c>CRM1001</c>).</summary>
    TimeBudget,

    /// <summary>The script allocated more than its memory budget (code <c>CRM1002</c>).</summary>
    MemoryBudget,

    /// <summary>The script nested calls too deeply (code <c>CRM1003</c>).</summary>
    StackDepth,
}

/// <summary>
/// One evaluation of a script failed. Only that evaluation is lost: the script stays loaded and the
/// host may go on with the next customer. The message reads
/// <c>path(line): error CRM100x: what happened</c>, with the line in the user's file when known.
/// </summary>
public sealed class ScriptRuntimeException : CrmException
{
    internal ScriptRuntimeException(string path, int? line, ScriptFailure failure, string message, Exception? cause)
        : base(Format(path, line, failure, message))
    {
        ScriptPath = path;
        Line = line;
        Failure = failure;
        Cause = cause;
    }

    /// <summary>The script's path as given to the engine.</summary>
    public string ScriptPath { get; }

    /// <summary>The line of the user's file where it failed, or null when unknown.</summary>
    public int? Line { get; }

    /// <summary>Why it failed.</summary>
    public ScriptFailure Failure { get; }

    /// <summary>The exception behind the failure: the one the script threw, or the budget check that stopped it.</summary>
    public Exception? Cause { get; }

    /// <summary>The code of the failure, <c>CRM1000</c> to <c>CRM1003</c>.</summary>
    public string Code => "CRM" + (1000 + (int)Failure).ToString(CultureInfo.InvariantCulture);

    private static string Format(string path, int? line, ScriptFailure failure, string message) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{path}{(line is { } l ? $"({l})" : "")}: error CRM{1000 + (int)failure}: {message}");
}
