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

    /// <summary>The script nested calls too deeply, or overflowed the worker's stack (code <c>CRM1003</c>).</summary>
    StackDepth,

    /// <summary>
    /// A batch of evaluations in a worker process ran past its wall-clock limit, so the worker was
    /// ended; this is the customer it was stuck on (code <c>CRM1004</c>).
    /// </summary>
    TimeLimit,

    /// <summary>The worker process ended while evaluating this customer, for a reason other than the limits above (code <c>CRM1005</c>).</summary>
    WorkerEnded,

    /// <summary>
    /// The script was not evaluated for this customer (code <c>CRM1006</c>): it had just run past its
    /// budget for several customers in a row, so the rest of the batch was skipped, or it had been
    /// stopped by a hard limit several times in a row, so the host stopped sending it customers
    /// until it is loaded again.
    /// </summary>
    Stopped,
}

/// <summary>
/// One evaluation of a script failed. Only that evaluation is lost: the script stays loaded and the
/// host may go on with the next customer. The message reads
/// <c>path(line): error CRM100x: what happened</c>, with the line in the user's file when known.
/// </summary>
public sealed class ScriptRuntimeException : CrmException
{
    /// <summary>How much of what happened is kept: a script chooses the messages of the exceptions it throws, and one per customer must not fill the host's memory.</summary>
    internal const int DetailLimit = 1_000;

    internal ScriptRuntimeException(string path, int? line, ScriptFailure failure, string message, Exception? cause)
        : base(Format(path, line, failure, Shorten(message)))
    {
        ScriptPath = path;
        Line = line;
        Failure = failure;
        Cause = cause;
        Detail = Shorten(message);
        Data[EvaluationFailure.KindKey] = Code;
    }

    private static string Shorten(string message)
    {
        if (message.Length <= DetailLimit) return message;
        var kept = char.IsHighSurrogate(message[DetailLimit - 1]) ? DetailLimit - 1 : DetailLimit;
        return string.Create(CultureInfo.InvariantCulture, $"{message.AsSpan(0, kept)}… ({message.Length - kept:N0} more characters)");
    }

    /// <summary>What happened, without the path, line and code.</summary>
    internal string Detail { get; }

    /// <summary>The script's path as given to the engine.</summary>
    public string ScriptPath { get; }

    /// <summary>The line of the user's file where it failed, or null when unknown.</summary>
    public int? Line { get; }

    /// <summary>Why it failed.</summary>
    public ScriptFailure Failure { get; }

    /// <summary>The exception behind the failure: the one the script threw, or the budget check that stopped it.</summary>
    public Exception? Cause { get; }

    /// <summary>The code of the failure, <c>CRM1000</c> to <c>CRM1006</c>.</summary>
    public string Code => "CRM" + (1000 + (int)Failure).ToString(CultureInfo.InvariantCulture);

    private static string Format(string path, int? line, ScriptFailure failure, string message) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{path}{(line is { } l ? $"({l})" : "")}: error CRM{1000 + (int)failure}: {message}");
}
