using System.Numerics;
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

    /// <summary>
    /// Counts one call of the lambda or local function on <paramref name="line"/> of the user's file
    /// and checks the evaluation has not used more than <see cref="EvaluationBudget.StackLimitBytes"/>
    /// of stack since it started (nor come near the end of the thread's stack).
    /// </summary>
    /// <exception cref="ScriptBudgetExceededException">The stack limit is reached, or the time or memory budget is spent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(int line)
    {
        var budget = t_budget;
        if ((budget is not null && budget.StackUsed() > EvaluationBudget.StackLimitBytes) || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw TooDeep(line);
        budget?.Tick(line);
    }

    /// <summary>
    /// Counts one evaluation of a query clause (<c>where</c>, <c>select</c>, <c>let</c>, <c>orderby</c>,
    /// <c>join</c>, <c>group</c>) on <paramref name="line"/> of the user's file and passes its value on.
    /// The compiler turns each clause into a function that LINQ calls for every element; this is that
    /// function's budget check.
    /// </summary>
    /// <exception cref="ScriptBudgetExceededException">The time or memory budget is spent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Ticked<T>(T value, int line)
    {
        t_budget?.Tick(line);
        return value;
    }

    /// <summary>
    /// Wraps the lazy sequence a LINQ operator on <paramref name="line"/> of the user's file returned,
    /// so that every element asked of it counts against the time budget and sequences enumerated
    /// inside one another stop cleanly past <see cref="EvaluationBudget.SequenceDepthLimit"/> levels.
    /// </summary>
    public static IEnumerable<T> Metered<T>(IEnumerable<T> source, int line) =>
        source is MeteredSequence<T> ? source : new MeteredSequence<T>(source, line);

    /// <summary>
    /// Wraps an ordered lazy sequence (from <c>OrderBy</c>, <c>ThenBy</c>…) like <see cref="Metered{T}(IEnumerable{T}, int)"/>;
    /// <c>ThenBy</c> on it stays possible, and a chain of more than
    /// <see cref="EvaluationBudget.SequenceDepthLimit"/> <c>ThenBy</c> calls stops cleanly.
    /// </summary>
    public static IOrderedEnumerable<T> Metered<T>(IOrderedEnumerable<T> source, int line) =>
        source is MeteredOrderedSequence<T> ? source : new MeteredOrderedSequence<T>(source, line, 1);

    /// <summary>
    /// Checks a size the script passes to something that allocates that many elements at once (an
    /// array's length, a string's width, a collection's capacity) against the evaluation's memory
    /// budget before anything is allocated, and passes the size on. One call can otherwise allocate
    /// gigabytes between two budget checks.
    /// </summary>
    /// <param name="size">The number of elements asked for.</param>
    /// <param name="bytesPerElement">At least how many bytes each element takes.</param>
    /// <param name="line">The line of the user's file that asks for it.</param>
    /// <exception cref="ScriptBudgetExceededException">The size alone exceeds the memory budget.</exception>
    public static T Sized<T>(T size, int bytesPerElement, int line) where T : INumberBase<T>
    {
        t_budget?.Size(long.CreateSaturating(size), bytesPerElement, line);
        return size;
    }

    /// <summary>
    /// Checks the size of a further dimension of a multi-dimensional array: the product of it and
    /// the sizes before it (checked with <see cref="Sized{T}(T, int, int)"/>) against the memory budget.
    /// </summary>
    /// <exception cref="ScriptBudgetExceededException">The product exceeds the memory budget.</exception>
    public static T SizedBy<T>(T size, int bytesPerElement, int line) where T : INumberBase<T>
    {
        t_budget?.SizeBy(long.CreateSaturating(size), bytesPerElement, line);
        return size;
    }

    /// <summary>
    /// Bounds a regular expression's match timeout by what is left of the evaluation's time budget,
    /// so that no match runs past the budget, whatever timeout the script asked for.
    /// </summary>
    public static TimeSpan Bounded(TimeSpan timeout, int line)
    {
        _ = line;
        return t_budget?.Remaining() is { } left && (timeout < TimeSpan.Zero || timeout > left) ? left : timeout;
    }

    internal static ScriptBudgetExceededException TooDeep(int line) =>
        new(ScriptFailure.StackDepth, line, "the script nested calls too deeply (is it recursive?).");

    internal static ScriptBudgetExceededException SequencesTooDeep(int line) =>
        new(ScriptFailure.StackDepth, line,
            $"the script nested lazy sequences more than {EvaluationBudget.SequenceDepthLimit} deep (a sequence built from itself, or operators chained in a loop?).");

    /// <summary>The budget of the evaluation running on this thread, if any.</summary>
    internal static EvaluationBudget? Current => t_budget;

    /// <summary>Starts a budgeted evaluation on this thread with <paramref name="limits"/>; no call is needed to end it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Begin(BudgetLimits limits) => (t_budget ?? Create()).Start(limits);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EvaluationBudget Create() => t_budget = new EvaluationBudget();
}
