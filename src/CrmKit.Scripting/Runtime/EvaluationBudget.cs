using System.Globalization;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CrmKit.Scripting;

/// <summary>The time and memory limits of one script's evaluations, computed once when the script is loaded.</summary>
internal sealed class BudgetLimits
{
    internal BudgetLimits(TimeSpan time, long memoryBytes)
    {
        Time = time;
        TimeTicks = (long)(time.TotalSeconds * Stopwatch.Frequency);
        MemoryBytes = memoryBytes;
    }

    /// <summary>The time budget, for messages.</summary>
    internal TimeSpan Time { get; }

    /// <summary>The time budget in <see cref="Stopwatch"/> ticks.</summary>
    internal long TimeTicks { get; }

    /// <summary>The memory budget in bytes allocated by the evaluating thread.</summary>
    internal long MemoryBytes { get; }
}

/// <summary>
/// The time and memory one evaluation may use. Counting is cheap; the clock and the allocation
/// counter are first read at tick <see cref="CheckEvery"/> and then every <see cref="CheckEvery"/>
/// ticks, so a short evaluation never reads them at all.
/// </summary>
/// <remarks>
/// <para>
/// Time is measured with <see cref="Stopwatch"/>, not the engine's <see cref="TimeProvider"/>:
/// the budget protects the host's processor in real time, while <c>Now</c> in a script is business
/// time that tests may freeze. Time before the first reading is not counted: it covers at most
/// <see cref="CheckEvery"/> loop iterations or calls, and without loops, lambdas or local functions
/// a script is straight-line code that cannot run long.
/// </para>
/// <para>
/// One budget object serves every evaluation on its thread. <see cref="Start"/> resets it; nothing
/// needs to end it, because budget checks only run inside script code, and script code only runs
/// inside an evaluation that started the budget first.
/// </para>
/// </remarks>
internal sealed class EvaluationBudget
{
    internal const int CheckEvery = 64;

    /// <summary>
    /// The most stack an evaluation may use, measured from where it started. Far below a thread's
    /// stack (1.5 MB or more), so that when a budget error unwinds, whatever runs on the way out
    /// (the disposal of nested enumerators, for one) still has room.
    /// </summary>
    internal const long StackLimitBytes = 256 * 1024;

    /// <summary>How many lazy LINQ sequences may be enumerated inside one another at once.</summary>
    internal const int SequenceDepthLimit = 100;

    private int _ticks;
    private nint _stackStart;

    /// <summary>How many lazy LINQ sequences are being enumerated inside one another right now.</summary>
    internal int SequenceDepth;
    private long _startTimestamp;
    private long _startAllocated;
    private BudgetLimits? _limits;

    internal void Start(BudgetLimits limits)
    {
        _limits = limits;
        _ticks = 0;
        _startTimestamp = 0;
        // The memory baseline is taken now (a cheap thread-local read), so that what the script
        // allocates before its first checks counts too.
        _startAllocated = GC.GetAllocatedBytesForCurrentThread();
        SequenceDepth = 0;
        _stackStart = StackPosition();
    }

    /// <summary>Bytes of stack used since <see cref="Start"/> (the stack grows towards lower addresses).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long StackUsed() => _stackStart - StackPosition();

    /// <summary>The address of a local of the calling method: where the stack is now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe nint StackPosition()
    {
        byte here = 0;
        return (nint)(&here);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Tick(int line)
    {
        if ((++_ticks & (CheckEvery - 1)) == 0) Check(line);
    }

    /// <summary>The elements the last sized allocation asked for, so that the next dimension of an array multiplies them.</summary>
    private long _lastElements;

    /// <summary>What is left of the time budget (all of it before the first reading of the clock); null without limits.</summary>
    internal TimeSpan? Remaining()
    {
        if (_limits is not { } limits) return null;
        var used = _startTimestamp == 0 ? 0 : Stopwatch.GetTimestamp() - _startTimestamp;
        return TimeSpan.FromSeconds(Math.Max(1, limits.TimeTicks - used) / (double)Stopwatch.Frequency);
    }

    /// <summary>Like <see cref="Size"/> for the product of <paramref name="elements"/> and the previous size.</summary>
    internal void SizeBy(long elements, int bytesPerElement, int line) =>
        Size(elements == 0 || _lastElements <= long.MaxValue / Math.Max(1, elements) ? _lastElements * elements : long.MaxValue, bytesPerElement, line);

    /// <summary>Fails the evaluation when <paramref name="elements"/> of <paramref name="bytesPerElement"/> bytes would exceed the memory budget on their own.</summary>
    internal void Size(long elements, int bytesPerElement, int line)
    {
        _lastElements = elements;
        if (_limits is not { } limits || elements <= limits.MemoryBytes / bytesPerElement) return;
        _limits = null;
        throw new ScriptBudgetExceededException(ScriptFailure.MemoryBudget, line,
            string.Create(CultureInfo.InvariantCulture,
                $"the script asked for {elements:N0} elements at once, more than its memory budget of {limits.MemoryBytes / (1024 * 1024)} MB allows."));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Check(int line)
    {
        if (_limits is not { } limits) return;
        var now = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (_startTimestamp == 0) _startTimestamp = now;
        else if (now - _startTimestamp > limits.TimeTicks)
        {
            _limits = null;
            throw new ScriptBudgetExceededException(ScriptFailure.TimeBudget, line,
                $"the script ran longer than its time budget of {limits.Time.TotalMilliseconds:0.###} ms (an endless loop?).");
        }
        if (allocated - _startAllocated > limits.MemoryBytes)
        {
            _limits = null;
            throw new ScriptBudgetExceededException(ScriptFailure.MemoryBudget, line,
                $"the script allocated more than its memory budget of {limits.MemoryBytes / (1024 * 1024)} MB.");
        }
    }
}
