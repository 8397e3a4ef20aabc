using System.Reflection;

namespace CrmKit.Scripting;

/// <summary>A compiled care script: proposes the care actions one customer needs.</summary>
public sealed class CareScript : CompiledScript
{
    private Action<CustomerView, DateTimeOffset, ScriptParameters, CareProposals>? _body;

    internal CareScript(string path, string hash, ScriptLoadContext context, MethodInfo method, bool guarded, ScriptEngineOptions options)
        : base(path, ScriptKind.Care, hash, context, method, guarded, options) =>
        _body = method.CreateDelegate<Action<CustomerView, DateTimeOffset, ScriptParameters, CareProposals>>();

    /// <summary>The care actions the script proposes for <paramref name="customer"/> at <paramref name="context"/>'s time, in the order proposed.</summary>
    /// <exception cref="ScriptRuntimeException">The script failed for this customer; no proposal of this evaluation is returned.</exception>
    /// <exception cref="ObjectDisposedException">The script was unloaded.</exception>
    public IReadOnlyList<CareProposal> Propose(CustomerView customer, ScriptContext context)
    {
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

    private protected override void Release() => _body = null;
}
