using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace CrmKit.Scripting;

/// <summary>
/// Budget checks that the compiler inserts into scripts: at the start of every loop body
/// (<see cref="Loop"/>), of every lambda and local function that could take part in recursion
/// (<see cref="Enter"/>), and of every lambda that a LINQ method calls while it runs and forgets
/// afterwards (<see cref="Tick"/>). Scripts cannot call it themselves (the sandbox rejects the
/// type); hosts have no reason to.
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

    /// <summary>
    /// Counts one call of a lambda on <paramref name="line"/> of the user's file that the sandbox
    /// proved cannot recurse (it is passed straight to a LINQ method that finishes with it before
    /// returning, and it contains no other function), so no stack check is needed.
    /// </summary>
    /// <exception cref="ScriptBudgetExceededException">The time or memory budget is spent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tick(int line) => t_budget?.Tick(line);

    /// <summary>Counts one call of the lambda or local function on <paramref name="line"/> of the user's file and checks the stack has room.</summary>
    /// <exception cref="ScriptBudgetExceededException">The stack is nearly full, or the time or memory budget is spent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(int line)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new ScriptBudgetExceededException(ScriptFailure.StackDepth, line, "the script nested calls too deeply (is it recursive?).");
        t_budget?.Tick(line);
    }

    /// <summary>Starts a budgeted evaluation on this thread with <paramref name="limits"/>; no call is needed to end it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Begin(BudgetLimits limits) => (t_budget ?? Create()).Start(limits);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EvaluationBudget Create() => t_budget = new EvaluationBudget();
}
