using System.Reflection;

namespace CrmKit.Scripting;

/// <summary>A compiled care script: proposes the care actions one customer needs.</summary>
public sealed class CareScript : CompiledScript
{
    private Action<CustomerView, DateTimeOffset, ScriptParameters, CareProposals>? _body;

    internal CareScript(string path, string hash, ScriptLoadContext context, MethodInfo method, bool guarded, ScriptEngineOptions options)
        : base(path, ScriptKind.Care, hash, context, method, guarded, options) =>
        _body = ScriptLoadContext.Bind<Action<CustomerView, DateTimeOffset, ScriptParameters, CareProposals>>(method);

    internal CareScript(string path, string hash, RemoteScript remote, ScriptEngineOptions options)
        : base(path, ScriptKind.Care, hash, remote, options)
    {
    }

    private static readonly Func<BinaryReader, IReadOnlyList<CareProposal>> ReadProposals = r => r.ReadProposals();

    /// <summary>The care actions the script proposes for <paramref name="customer"/> at <paramref name="context"/>'s time, in the order proposed.</summary>
    /// <exception cref="ScriptRuntimeException">The script failed for this customer; no proposal of this evaluation is returned.</exception>
    /// <exception cref="ObjectDisposedException">The script was unloaded.</exception>
    public IReadOnlyList<CareProposal> Propose(CustomerView customer, ScriptContext context)
    {
        if (Remote is { } remote)
        {
            ArgumentNullException.ThrowIfNull(customer);
            ArgumentNullException.ThrowIfNull(context);
            var outcome = remote.Evaluate([customer.Parts], context, ReadProposals)[0];
            return outcome.Error is null ? outcome.Value : throw outcome.Error;
        }
        var body = _body ?? throw Disposed();
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(context);
        var care = new CareProposals(context.Now);
        if (Guarded) StartBudget();
        try
        {
            body(customer, context.Now, context.Parameters, care);
        }
        catch (Exception e)
        {
            throw Fail(e);
        }
        return care.Items;
    }

    /// <summary>
    /// The proposals for many customers at once, one outcome per customer in order; a customer the
    /// script fails for gets a <see cref="ScriptRuntimeException"/> and the others are still
    /// answered. In a worker process the customers travel in one batch.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The script was unloaded.</exception>
    public Outcome<IReadOnlyList<CareProposal>>[] ProposeAll(IReadOnlyList<CustomerView> customers, ScriptContext context)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(context);
        if (Remote is { } remote) return remote.Evaluate([.. customers.Select(c => c.Parts)], context, ReadProposals);
        if (_body is null) throw Disposed();
        return EvaluateEach(customers, c => Propose(c, context));
    }

    private protected override void Release() => _body = null;
}
