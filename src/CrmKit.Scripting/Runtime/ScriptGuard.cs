using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace CrmKit.Scripting;

/// <summary>
/// Budget checks that the compiler inserts into scripts: at the start of every loop body
/// (<see cref="Loop"/>) and of every lambda and local function (<see cref="Enter"/>). Scripts cannot
/// call it themselves (the sandbox rejects the type); hosts have no reason to.
/// </summary>
/// <remarks>
/// The budget of the evaluation running on the current thread is found through a thread-static
/// field, so inserted checks capture nothing: a lambda in a script stays as cheap as the same
/// lambda written by hand.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScriptGuard
{
    [ThreadStatic]
    private static EvaluationBudget? t_budget;

    /// <summary>Counts one iteration of the loop on <paramref name="line"/> of the user's file against the current evaluation's budget.</summary>
    /// <exception cref="ScriptBudgetExceededException">The time or memory budget is spent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Loop(int line) => t_budget?.Tick(line);

    /// <summary>Counts one call of the lambda or local function on <paramref name="line"/> of the user's file and checks the stack has room.</summary>
    /// <exception cref="ScriptBudgetExceededException">The stack is nearly full, or the time or memory budget is spent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(int line)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new ScriptBudgetExceededException(ScriptFailure.StackDepth, line, "the script nested calls too deeply (is it recursive?).");
        t_budget?.Tick(line);
    }

    /// <summary>Starts a budgeted evaluation on this thread; returns the budget to pass to <see cref="End"/>.</summary>
    internal static EvaluationBudget Begin(TimeSpan time, long timeLimit, long memory)
    {
        var budget = t_budget ??= new EvaluationBudget();
        budget.Start(time, timeLimit, memory);
        return budget;
    }

    /// <summary>Ends the evaluation started by <see cref="Begin"/>.</summary>
    internal static void End(EvaluationBudget budget) => budget.Stop();
}
