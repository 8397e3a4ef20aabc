using System.Diagnostics;

namespace CrmKit.Scripting;

/// <summary>
/// The time and memory one evaluation may use. Counting is cheap; the clock and the allocation
/// counter are first read at tick <see cref="CheckEvery"/> and then every <see cref="CheckEvery"/>
/// ticks, so a short evaluation never reads them at all.
/// </summary>
/// <remarks>
/// Time is measured with <see cref="Stopwatch"/>, not the engine's <see cref="TimeProvider"/>:
/// the budget protects the host's processor in real time, while <c>Now</c> in a script is business
/// time that tests may freeze. Time before the first reading is not counted: it covers at most
/// <see cref="CheckEvery"/> loop iterations or calls, and without loops, lambdas or local functions
/// a script is straight-line code that cannot run long.
/// </remarks>
internal sealed class EvaluationBudget
{
    internal const int CheckEvery = 64;

    private bool _active;
    private int _ticks;
    private long _startTimestamp;
    private long _startAllocated;
    private long _timeLimit;
    private long _memoryLimit;
    private TimeSpan _time;

    /// <summary>Converts a time budget to <see cref="Stopwatch"/> ticks, once per script.</summary>
    internal static long ToTimestampTicks(TimeSpan time) => (long)(time.TotalSeconds * Stopwatch.Frequency);

    internal void Start(TimeSpan time, long timeLimit, long memory)
    {
        _time = time;
        _timeLimit = timeLimit;
        _memoryLimit = memory;
        _ticks = 0;
        _startTimestamp = 0;
        _active = true;
    }

    internal void Stop() => _active = false;

    internal void Tick(int line)
    {
        if (!_active) return;
        if ((++_ticks & (CheckEvery - 1)) == 0) Check(line);
    }

    private void Check(int line)
    {
        var now = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (_startTimestamp == 0)
        {
            _startTimestamp = now;
            _startAllocated = allocated;
            return;
        }
        if (now - _startTimestamp > _timeLimit)
        {
            _active = false;
            throw new ScriptBudgetExceededException(ScriptFailure.TimeBudget, line,
                $"the script ran longer than its time budget of {_time.TotalMilliseconds:0.###} ms (an endless loop?).");
        }
        if (allocated - _startAllocated > _memoryLimit)
        {
            _active = false;
            throw new ScriptBudgetExceededException(ScriptFailure.MemoryBudget, line,
                $"the script allocated more than its memory budget of {_memoryLimit / (1024 * 1024)} MB.");
        }
    }
}
