using System.Reflection;

namespace CrmKit.Scripting;

/// <summary>A compiled segment script: decides whether one customer belongs to a segment.</summary>
public sealed class SegmentScript : CompiledScript
{
    private Func<CustomerView, DateTimeOffset, ScriptParameters, bool>? _body;
    private Batch? _batch;

    /// <summary>The script's own loop over a batch (see <see cref="ScriptWrapper.BatchMethodName"/>); <paramref name="next"/> is where a failure happened.</summary>
    private delegate void Batch(CustomerView[] customers, DateTimeOffset now, ScriptParameters parameters, Outcome<bool>[] results, ref int next);

    internal SegmentScript(string path, string hash, ScriptLoadContext context, MethodInfo method, bool guarded, ScriptEngineOptions options)
        : base(path, ScriptKind.Segment, hash, context, method, guarded, options)
    {
        _body = ScriptLoadContext.Bind<Func<CustomerView, DateTimeOffset, ScriptParameters, bool>>(method);
        // A script with budget checks starts its budget per customer, so it is evaluated one by one.
        if (!guarded) _batch = ScriptLoadContext.Bind<Batch>(method.DeclaringType!.GetMethod(ScriptWrapper.BatchMethodName)!);
    }

    internal SegmentScript(string path, string hash, RemoteScript remote, ScriptEngineOptions options)
        : base(path, ScriptKind.Segment, hash, remote, options)
    {
    }

    /// <summary>True when <see cref="EvaluateAll"/> runs the script's own loop over the batch (a script without budget checks, loaded here).</summary>
    internal bool RunsInBatch => _batch is not null;

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
        if (_batch is { } batch) return EvaluateInBatch(batch, customers as CustomerView[] ?? [.. customers], context);
        return EvaluateEach(customers, c => Evaluate(c, context));
    }

    /// <summary>
    /// Runs the script's own loop over the batch; when it throws for a customer, that customer fails
    /// and the loop goes on with the next one.
    /// </summary>
    private Outcome<bool>[] EvaluateInBatch(Batch batch, CustomerView[] customers, ScriptContext context)
    {
        foreach (var customer in customers) ArgumentNullException.ThrowIfNull(customer, nameof(customers));
        var outcomes = new Outcome<bool>[customers.Length];
        var next = 0;
        while (next < customers.Length)
        {
            try
            {
                batch(customers, context.Now, context.Parameters, outcomes, ref next);
            }
            catch (Exception e)
            {
                outcomes[next] = Outcome<bool>.Failed(Fail(e));
                next++;
            }
        }
        return outcomes;
    }

    private protected override void Release()
    {
        _body = null;
        _batch = null;
    }
}
