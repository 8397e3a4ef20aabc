namespace CrmKit.Scripting;

/// <summary>
/// Worker pools shared by every engine of the process with the same settings, so that many engines
/// (one per test, one per CLI command) start one compiling worker and one pool of evaluating
/// workers between them, not one each. A pool ends when the last engine using it is disposed.
/// Script ids are unique in the process, so scripts of different engines never collide in a worker.
/// </summary>
internal static class SharedPools
{
    private static readonly Dictionary<(WorkerSettings, int), (WorkerPool Pool, int Users)> Pools = [];
    private static readonly Lock Gate = new();

    /// <summary>The pool for <paramref name="settings"/> of <paramref name="size"/> workers; call <see cref="Release"/> once done.</summary>
    internal static WorkerPool Acquire(WorkerSettings settings, int size)
    {
        lock (Gate)
        {
            var key = (settings, size);
            var (pool, users) = Pools.TryGetValue(key, out var entry) ? entry : (new WorkerPool(settings, size), 0);
            Pools[key] = (pool, users + 1);
            return pool;
        }
    }

    /// <summary>Gives up one use of <paramref name="pool"/>; the last one ends its workers.</summary>
    internal static void Release(WorkerPool pool)
    {
        lock (Gate)
        {
            foreach (var (key, (candidate, users)) in Pools)
            {
                if (!ReferenceEquals(candidate, pool)) continue;
                if (users > 1)
                {
                    Pools[key] = (candidate, users - 1);
                    return;
                }
                Pools.Remove(key);
                break;
            }
        }
        pool.Dispose();
    }
}
