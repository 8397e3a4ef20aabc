namespace CrmKit.Scripting;

/// <summary>
/// Thrown inside a script when it spends its budget. The engine turns it into a
/// <see cref="ScriptRuntimeException"/>.
/// </summary>
internal sealed class ScriptBudgetExceededException : Exception
{
    internal ScriptBudgetExceededException(ScriptFailure failure, int line, string message) : base(message)
    {
        Failure = failure;
        Line = line;
    }

    public ScriptFailure Failure { get; }

    /// <summary>The line of the user's file whose loop, lambda or local function spent the budget.</summary>
    public int Line { get; }
}
