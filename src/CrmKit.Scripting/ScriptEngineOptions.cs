namespace CrmKit.Scripting;

/// <summary>How a <see cref="ScriptEngine"/> compiles, caches and runs scripts.</summary>
public sealed record ScriptEngineOptions
{
    /// <summary>The clock scripts read as <c>Now</c> (through <see cref="ScriptEngine.CreateContext"/>). Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The most real time one evaluation may spend in loops, lambdas and local functions, from 1 ms
    /// to 1 minute. Defaults to 100 ms. Past it the evaluation fails with <see cref="ScriptFailure.TimeBudget"/>.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The most bytes one evaluation may allocate while it loops or calls lambdas, at least 1 MB.
    /// Defaults to 256 MB. Checked with the time budget; a single huge allocation is not stopped.
    /// </summary>
    public long MemoryBudgetBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// A folder where compiled scripts are kept, so that a restarted host loads a known script
    /// without compiling it; null keeps them in memory only. The folder must be as trusted as the
    /// host's own binaries: assemblies found there are loaded without another sandbox check.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>How many compiled scripts the in-memory cache keeps, from 0 to 100,000. Defaults to 1,024.</summary>
    public int MaxCachedImages { get; init; } = 1024;

    /// <summary>
    /// Where scripts are compiled and evaluated. Defaults to <see cref="ScriptIsolation.Worker"/>:
    /// in worker processes with hard limits, so that no script can crash, hang or exhaust the host.
    /// <see cref="ScriptIsolation.InProcess"/> is for scripts the application itself ships.
    /// </summary>
    public ScriptIsolation Isolation { get; init; } = ScriptIsolation.Worker;

    /// <summary>
    /// The GC heap hard limit of each worker process (the runtime's <c>GCHeapHardLimit</c>), from
    /// 32 MB. Defaults to 256 MB. A script that needs more fails with <see cref="ScriptFailure.MemoryBudget"/>
    /// and the worker is restarted.
    /// </summary>
    public long WorkerHeapLimitBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// The most processor time a worker may take for one batch of customers (refreshes and sweeps
    /// send up to 256 at once), from 100 ms to 10 minutes; three times as much real time ends it
    /// too, whatever it was doing. Defaults to 10 s. Past it the worker is ended,
    /// the batch is split to find the customer it was stuck on, and that customer fails with
    /// <see cref="ScriptFailure.TimeLimit"/>.
    /// </summary>
    public TimeSpan WorkerBatchTimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most processor time compiling or checking one script may take in the compiling worker
    /// (and three times as much real time), from 1 s to 10 minutes. Defaults to 30 s. Past it (or past the heap limit, or the stack) the
    /// script is rejected with <c>CRM0014</c>, too complex.
    /// </summary>
    public TimeSpan WorkerCompileTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many scripts a worker process loads before it is recycled (ended when idle and started
    /// again on demand), from 1 to 10,000. Defaults to 32. Scripts in a worker are never unloaded,
    /// so they run at full speed; recycling is what returns the memory of replaced scripts.
    /// </summary>
    public int WorkerRecycleAfterLoads { get; init; } = 32;

    /// <summary>How many evaluating worker processes run at most, from 1 to 64. Defaults to 2 (1 on a single core).</summary>
    public int WorkerCount { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>
    /// The worker program (<c>CrmKit.Scripting.Worker.dll</c>); null, the default, takes the one
    /// next to <c>CrmKit.Scripting.dll</c>.
    /// </summary>
    public string? WorkerPath { get; init; }

    /// <summary>
    /// In process, whether scripts load into a collectible context (the default, so that
    /// <see cref="CompiledScript.Dispose"/> frees their code). False loads them as a worker does,
    /// never unloaded; benchmarks use it to measure the worker's code in this process.
    /// </summary>
    internal bool CollectibleInProcess { get; init; } = true;

    /// <exception cref="ArgumentException">An option is out of range.</exception>
    internal void Check()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (TimeBudget < TimeSpan.FromMilliseconds(1) || TimeBudget > TimeSpan.FromMinutes(1))
            throw new ArgumentException($"TimeBudget must be from 1 ms to 1 minute but was {TimeBudget}.", nameof(TimeBudget));
        if (MemoryBudgetBytes < 1024 * 1024)
            throw new ArgumentException($"MemoryBudgetBytes must be at least 1 MB but was {MemoryBudgetBytes}.", nameof(MemoryBudgetBytes));
        if (MaxCachedImages is < 0 or > 100_000)
            throw new ArgumentException($"MaxCachedImages must be from 0 to 100,000 but was {MaxCachedImages}.", nameof(MaxCachedImages));
        if (!Enum.IsDefined(Isolation))
            throw new ArgumentException($"Isolation {(int)Isolation} is not a known isolation.", nameof(Isolation));
        if (WorkerHeapLimitBytes < 32L * 1024 * 1024)
            throw new ArgumentException($"WorkerHeapLimitBytes must be at least 32 MB but was {WorkerHeapLimitBytes}.", nameof(WorkerHeapLimitBytes));
        if (WorkerBatchTimeLimit < TimeSpan.FromMilliseconds(100) || WorkerBatchTimeLimit > TimeSpan.FromMinutes(10))
            throw new ArgumentException($"WorkerBatchTimeLimit must be from 100 ms to 10 minutes but was {WorkerBatchTimeLimit}.", nameof(WorkerBatchTimeLimit));
        if (WorkerCompileTimeLimit < TimeSpan.FromSeconds(1) || WorkerCompileTimeLimit > TimeSpan.FromMinutes(10))
            throw new ArgumentException($"WorkerCompileTimeLimit must be from 1 s to 10 minutes but was {WorkerCompileTimeLimit}.", nameof(WorkerCompileTimeLimit));
        if (WorkerRecycleAfterLoads is < 1 or > 10_000)
            throw new ArgumentException($"WorkerRecycleAfterLoads must be from 1 to 10,000 but was {WorkerRecycleAfterLoads}.", nameof(WorkerRecycleAfterLoads));
        if (WorkerCount is < 1 or > 64)
            throw new ArgumentException($"WorkerCount must be from 1 to 64 but was {WorkerCount}.", nameof(WorkerCount));
        if (WorkerPath is { Length: 0 })
            throw new ArgumentException("WorkerPath is empty; use null for the worker next to CrmKit.Scripting.dll.", nameof(WorkerPath));
        if (CacheDirectory is { Length: 0 })
            throw new ArgumentException("CacheDirectory is empty; use null to keep compiled scripts in memory only.", nameof(CacheDirectory));
    }
}
