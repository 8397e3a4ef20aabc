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
        if (CacheDirectory is { Length: 0 })
            throw new ArgumentException("CacheDirectory is empty; use null to keep compiled scripts in memory only.", nameof(CacheDirectory));
    }
}
