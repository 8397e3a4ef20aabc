using System.Reflection;

namespace CrmKit.Scripting;

/// <summary>A compiled segment script: decides whether one customer belongs to a segment.</summary>
public sealed class SegmentScript : CompiledScript
{
    private Func<CustomerView, DateTimeOffset, ScriptParameters, bool>? _body;

    internal SegmentScript(string path, string hash, ScriptLoadContext context, MethodInfo method, bool guarded, ScriptEngineOptions options)
        : base(path, ScriptKind.Segment, hash, context, method, guarded, options) =>
        _body = method.CreateDelegate<Func<CustomerView, DateTimeOffset, ScriptParameters, bool>>();

    internal SegmentScript(string path, string hash, RemoteScript remote, ScriptEngineOptions options)
        : base(path, ScriptKind.Segment, hash, remote, options)
    {
    }

    private static readonly Func<BinaryReader, bool> ReadVerdict = r => r.ReadBoolean();

    /// <summary>True when <paramref name="customer"/> belongs to the segment at <paramref name="context"/>'s time.</summary>
    /// <exception cref="ScriptRuntimeException">The script failed for this customer; it names the script and line.</exception>
    /// <exception cref="ObjectDisposedException">The script was unloaded.</exception>
    public bool Evaluate(CustomerView customer, ScriptContext context)
    {
        if (Remote is { } remote)
        {
            ArgumentNullException.ThrowIfNull(customer);
            ArgumentNullException.ThrowIfNull(context);
            var outcome = remote.Evaluate([customer.Parts], context, ReadVerdict)[0];
            return outcome.Error is null ? outcome.Value : throw outcome.Error;
        }
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

    /// <summary>
    /// The verdicts for many customers at once, one per customer in order; a customer the script
    /// fails for gets a <see cref="ScriptRuntimeException"/> and the others are still answered. In a
    /// worker process the customers travel in one batch.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The script was unloaded.</exception>
    public Outcome<bool>[] EvaluateAll(IReadOnlyList<CustomerView> customers, ScriptContext context)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(context);
        if (Remote is { } remote) return remote.Evaluate([.. customers.Select(c => c.Parts)], context, ReadVerdict);
        if (_body is null) throw Disposed();
        return EvaluateEach(customers, c => Evaluate(c, context));
    }

    private protected override void Release() => _body = null;
}
