using System.Globalization;
using System.Numerics;

namespace CrmKit.Scripting;

/// <summary>
/// Watches how often a script runs past its budget (time, memory or stack) over a batch of
/// customers. Once it has for <see cref="InARow"/> customers in a row, or for
/// <see cref="OfLastWindow"/> of the last <see cref="Window"/>, the rest of the batch is not
/// evaluated: a script that exhausts its budget for everyone (or every other customer) would
/// otherwise cost a whole budget per customer, and a base of thousands of customers would keep a
/// preview or a sweep busy for many minutes.
/// </summary>
internal struct BudgetStreak
{
    /// <summary>How many customers in a row may run past the budget before the rest of a batch is skipped.</summary>
    internal const int InARow = 5;

    /// <summary>How many of the last <see cref="Window"/> customers may run past the budget before the rest of a batch is skipped.</summary>
    internal const int OfLastWindow = 10;

    /// <summary>How many of the latest evaluations <see cref="OfLastWindow"/> looks at.</summary>
    internal const int Window = 20;

    private int _inARow;
    private uint _latest;

    /// <summary>True once the script ran past its budget too often to go on with this batch.</summary>
    internal readonly bool Reached => _inARow >= InARow || BitOperations.PopCount(_latest) >= OfLastWindow;

    /// <summary>Records one evaluation: null when it succeeded, else how it failed.</summary>
    internal void Record(ScriptRuntimeException? failure)
    {
        var past = failure is { Failure: ScriptFailure.TimeBudget or ScriptFailure.MemoryBudget or ScriptFailure.StackDepth };
        _inARow = past ? _inARow + 1 : 0;
        _latest = ((_latest << 1) | (past ? 1u : 0u)) & ((1u << Window) - 1);
    }

    /// <summary>The failure given to each customer skipped once the streak is <see cref="Reached"/>.</summary>
    internal static ScriptRuntimeException Skipped(string path) => new(path, null, ScriptFailure.Stopped, string.Create(CultureInfo.InvariantCulture,
        $"the script was not evaluated: it ran past its budget for {InARow} customers in a row, or {OfLastWindow} of the last {Window}, so the rest of the batch was skipped."), null);
}
