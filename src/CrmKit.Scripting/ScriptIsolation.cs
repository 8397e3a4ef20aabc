namespace CrmKit.Scripting;

/// <summary>Where a <see cref="ScriptEngine"/> compiles and evaluates scripts.</summary>
public enum ScriptIsolation
{
    /// <summary>
    /// In worker processes with hard limits enforced by the runtime and the operating system: a GC
    /// heap hard limit, a wall-clock limit per batch, and a stack overflow that ends only the worker.
    /// Whatever a script does, the host keeps serving; a customer that ends a worker fails alone. The
    /// default, and the only safe choice for scripts written by users.
    /// </summary>
    Worker,

    /// <summary>
    /// In this process, in a collectible load context, guarded only by the sandbox and the budget
    /// checks compiled into the script. A stack overflow or an out-of-memory in a script ends the
    /// host. For scripts the application itself ships and trusts.
    /// </summary>
    InProcess,
}
