namespace CrmKit.Storage;

/// <summary>
/// Runs the asynchronous implementation of an operation for its synchronous twin, so there is one
/// implementation. The embedded store completes at once, so this does not block a thread there.
/// </summary>
internal static class Sync
{
    internal static T Wait<T>(this ValueTask<T> task) =>
        task.IsCompleted ? task.GetAwaiter().GetResult() : task.AsTask().GetAwaiter().GetResult();

    internal static void Wait(this ValueTask task)
    {
        if (task.IsCompleted) task.GetAwaiter().GetResult();
        else task.AsTask().GetAwaiter().GetResult();
    }
}
