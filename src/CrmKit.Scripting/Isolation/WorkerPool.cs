namespace CrmKit.Scripting;

/// <summary>
/// A small pool of script workers. Each request borrows one idle worker (starting it when needed);
/// a worker that ended is dropped and a new one starts at the next request. A worker that has taken
/// in <see cref="WorkerSettings.RecycleAfterLoads"/> scripts is recycled when it falls idle, which
/// is how the memory of replaced scripts comes back. Thread-safe.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly WorkerSettings _settings;
    private readonly WorkerProcess?[] _slots;
    private readonly Stack<int> _idle = new();
    private readonly SemaphoreSlim _available;
    private readonly Lock _lock = new();
    private bool _disposed;

    internal WorkerPool(WorkerSettings settings, int size)
    {
        _settings = settings;
        _slots = new WorkerProcess?[size];
        for (var i = size - 1; i >= 0; i--) _idle.Push(i);
        _available = new SemaphoreSlim(size, size);
    }

    internal WorkerSettings Settings => _settings;

    /// <summary>How many worker processes this pool has started, for tests and metrics.</summary>
    internal int Started { get; private set; }

    /// <summary>The ids of the running workers, for tests that end one from outside.</summary>
    internal IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_lock) return [.. _slots.Where(w => w is { Alive: true }).Select(w => w!.Id)];
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on an idle worker. When the worker ends during the work, it is
    /// dropped and the <see cref="WorkerEndedException"/> propagates; the next call starts a new one.
    /// </summary>
    internal T Use<T>(Func<WorkerProcess, T> work)
    {
        _available.Wait();
        int slot;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            slot = _idle.Pop();
        }
        WorkerProcess? worker = null;
        try
        {
            worker = _slots[slot];
            if (worker is not { Alive: true })
            {
                worker?.Dispose();
                worker = _slots[slot] = WorkerProcess.Start(_settings);
                lock (_lock) Started++;
            }
            return work(worker);
        }
        finally
        {
            if (worker is not null && (!worker.Alive || worker.Uses >= _settings.RecycleAfterLoads))
            {
                worker.Dispose();
                _slots[slot] = null;
            }
            lock (_lock) _idle.Push(slot);
            _available.Release();
        }
    }

    /// <summary>Ends every worker.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
        }
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i]?.Dispose();
            _slots[i] = null;
        }
    }
}
