using System.Reflection;

namespace CrmKit.Scripting;

/// <summary>A compiled segment script: decides whether one customer belongs to a segment.</summary>
public sealed class SegmentScript : CompiledScript
{
    private Func<CustomerView, DateTimeOffset, ScriptParameters, bool>? _body;

    internal SegmentScript(string path, string hash, ScriptLoadContext context, MethodInfo method, bool guarded, ScriptEngineOptions options)
        : base(path, ScriptKind.Segment, hash, context, method, guarded, options) =>
        _body = method.CreateDelegate<Func<CustomerView, DateTimeOffset, ScriptParameters, bool>>();

    /// <summary>True when <paramref name="customer"/> belongs to the segment at <paramref name="context"/>'s time.</summary>
    /// <exception cref="ScriptRuntimeException">The script failed for this customer; it names the script and line.</exception>
    /// <exception cref="ObjectDisposedException">The script was unloaded.</exception>
    public bool Evaluate(CustomerView customer, ScriptContext context)
    {
        var body = _body ?? throw Disposed();
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(context);
        if (Guarded) StartBudget();
        try
        {
            return body(customer, context.Now, context.Parameters);
        }
        catch (Exception e)
        {
            throw Fail(e);
        }
    }

    private protected override void Release() => _body = null;
}
