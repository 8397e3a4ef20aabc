using System.Diagnostics;
using System.Reflection;

namespace CrmKit.Scripting;

/// <summary>
/// A compiled script: evaluated in a worker process (the default, see <see cref="ScriptIsolation"/>)
/// or, for trusted scripts, compiled to a delegate in its own collectible load context in this
/// process. Evaluate it as often as needed, from any number of threads. <see cref="Dispose"/>
/// unloads its code (in a worker, the worker is recycled later); the engine keeps the compiled
/// image, so compiling the same source again does not run the compiler.
/// </summary>
public abstract class CompiledScript : IDisposable
{
    private ScriptLoadContext? _context;
    private Assembly? _assembly;
    private readonly BudgetLimits _limits;
    private RemoteScript? _remote;

    private protected CompiledScript(string path, ScriptKind kind, string hash, RemoteScript remote, ScriptEngineOptions options)
    {
        Path = path;
        Kind = kind;
        Hash = hash;
        _remote = remote;
        IsIsolated = true;
        LoadContextReference = new WeakReference(null);
        _limits = new BudgetLimits(options.TimeBudget, options.MemoryBudgetBytes);
    }

    private protected CompiledScript(string path, ScriptKind kind, string hash, ScriptLoadContext context,
        MethodInfo method, bool guarded, ScriptEngineOptions options)
    {
        Path = path;
        Kind = kind;
        Hash = hash;
        _context = context;
        LoadContextReference = new WeakReference(context);
        _assembly = method.Module.Assembly;
        Guarded = guarded;
        _limits = new BudgetLimits(options.TimeBudget, options.MemoryBudgetBytes);
    }

    /// <summary>The script's name or path, used in every diagnostic and runtime error.</summary>
    public string Path { get; }

    /// <summary>The script's kind.</summary>
    public ScriptKind Kind { get; }

    /// <summary>The cache key: a SHA-256 hash of the source, the kind and the globals version, in hex.</summary>
    public string Hash { get; }

    /// <summary>
    /// What the script reads of a customer beyond the profile, stats and value figures, found when it
    /// was compiled: interaction metadata (of the kinds it names, when it names them all as string
    /// literals), the segments it asks about, open tasks. A host that builds views itself loads
    /// these into the <see cref="CustomerSnapshot"/> it passes to <see cref="CustomerView(CustomerSnapshot)"/>;
    /// refreshes and sweeps do it for you.
    /// </summary>
    public SnapshotNeeds Needs => _needs ??= NeedsOf(Reads, Names);

    private SnapshotNeeds? _needs;

    private static SnapshotNeeds NeedsOf(ViewParts reads, ScriptNames names) =>
        new SnapshotNeeds
        {
            InteractionMetadata = (reads & ViewParts.Metadata) != 0,
            MetadataKinds = reads == ViewParts.All || names.AnyKind ? null : names.MetadataKinds,
            Segments = names.Segments,
            AllSegments = names.AnySegment,
            OpenTasks = (reads & ViewParts.FollowUp) != 0,
        };

    /// <summary>The parts of the view the script can read (from the compiler's view of its code).</summary>
    internal ViewParts Reads { get; init; } = ViewParts.All;

    /// <summary>The segment and interaction-kind names the script's text gives its lookups.</summary>
    internal ScriptNames Names { get; init; } = new(new HashSet<string>(), true, new HashSet<InteractionKind>(), true);

    /// <summary>False once <see cref="Dispose"/> has been called.</summary>
    public bool IsLoaded => _context is not null || _remote is not null;

    /// <summary>True when the script is evaluated in a worker process, false when in this process.</summary>
    public bool IsIsolated { get; }

    /// <summary>The worker-side handle, or null in process (or once disposed).</summary>
    private protected RemoteScript? Remote => _remote;

    /// <summary>Tracks the load context without keeping it alive, so tests can see it being collected.</summary>
    internal WeakReference LoadContextReference { get; }

    /// <summary>True when the compiler inserted budget checks into the script, so evaluations start a budget.</summary>
    private protected readonly bool Guarded;

    /// <summary>
    /// Unloads the script's code. Evaluations already running finish; later calls throw
    /// <see cref="ObjectDisposedException"/>. The memory is returned once the garbage collector runs.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _remote, null) is not null)
        {
            // The worker keeps the code until it is recycled; the pool counts every load.
            Release();
            GC.SuppressFinalize(this);
            return;
        }
        var context = Interlocked.Exchange(ref _context, null);
        if (context is null) return;
        Release();
        _assembly = null;
        if (context.IsCollectible) context.Unload();
        GC.SuppressFinalize(this);
    }

    /// <summary>Batches in a row that were cut short by <see cref="BudgetStreak"/> in this process.</summary>
    private int _strikes;

    /// <summary>
    /// Evaluates each customer in this process with <paramref name="evaluate"/>, one outcome each in
    /// order. Once the script ran past the budget too often (see <see cref="BudgetStreak"/>), the rest
    /// are not evaluated and fail as <see cref="ScriptFailure.Stopped"/>; after
    /// <see cref="RemoteScript.StrikeLimit"/> batches in a row cut short that way, no customer is
    /// evaluated until the script is loaded again, as in a worker.
    /// </summary>
    private protected Outcome<T>[] EvaluateEach<T>(IReadOnlyList<CustomerView> customers, Func<CustomerView, T> evaluate)
    {
        var outcomes = new Outcome<T>[customers.Count];
        if (Volatile.Read(ref _strikes) >= RemoteScript.StrikeLimit)
        {
            var stopped = new ScriptRuntimeException(Path, null, ScriptFailure.Stopped, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the script was not evaluated: {RemoteScript.StrikeLimit} times in a row it ran past its budget so often that the rest of a batch was skipped; load it again to retry."), null);
            Array.Fill(outcomes, Outcome<T>.Failed(stopped));
            return outcomes;
        }
        var streak = new BudgetStreak();
        var succeeded = false;
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (streak.Reached)
            {
                outcomes[i] = Outcome<T>.Failed(BudgetStreak.Skipped(Path));
                continue;
            }
            try
            {
                outcomes[i] = Outcome<T>.Of(evaluate(customers[i]));
                streak.Record(null);
                succeeded = true;
            }
            catch (ScriptRuntimeException e)
            {
                outcomes[i] = Outcome<T>.Failed(e);
                streak.Record(e);
            }
        }
        if (streak.Reached) Interlocked.Increment(ref _strikes);
        else if (succeeded) Volatile.Write(ref _strikes, 0);
        return outcomes;
    }

    /// <summary>Drops the delegate so the load context can be collected.</summary>
    private protected abstract void Release();

    /// <summary>Starts the budget of one evaluation on this thread; nothing needs to end it.</summary>
    private protected void StartBudget() => ScriptGuard.Begin(_limits);

    private protected ObjectDisposedException Disposed() => new(GetType().Name, $"Script '{Path}' was unloaded.");

    /// <summary>Turns whatever the script threw into a <see cref="ScriptRuntimeException"/> naming the script and line.</summary>
    private protected ScriptRuntimeException Fail(Exception exception)
    {
        var (failure, message) = exception switch
        {
            ScriptBudgetExceededException b => (b.Failure, b.Message),
            InsufficientExecutionStackException => (ScriptFailure.StackDepth, "the script nested calls too deeply (is it recursive?)."),
            OutOfMemoryException => (ScriptFailure.MemoryBudget, "the script ran out of memory."),
            System.Text.RegularExpressions.RegexMatchTimeoutException => (ScriptFailure.TimeBudget, "a regular expression ran past what was left of the script's time budget."),
            _ => (ScriptFailure.Exception, $"the script threw {exception.GetType().Name}: {exception.Message}"),
        };
        return new ScriptRuntimeException(Path, (exception as ScriptBudgetExceededException)?.Line ?? LineOf(exception), failure, message, exception);
    }

    private int? LineOf(Exception exception)
    {
        var assembly = _assembly;
        if (assembly is null) return null;
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod()?.Module.Assembly != assembly) continue;
            var line = frame.GetFileLineNumber();
            if (line > 0) return line;
        }
        return null;
    }
}
