namespace CrmKit.Scripting;

/// <summary>
/// A stage rule written as a segment script: when the script returns true for a customer, the
/// rule proposes moving the customer to <see cref="To"/>. The move is made only where the stage
/// model allows it (otherwise it is reported, never forced) and recorded with the reason
/// <c>rule NAME</c>. The script sees the customer in its current stage, so it can name the stages
/// it moves customers from (<c>Customer.Stage == "growing" &amp;&amp; Customer.Frequency &gt;= 5</c>).
/// Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var mature = new ScriptedStageRule("loyal-regular", engine.CompileSegment(
///     "Customer.Stage == \"growing\" &amp;&amp; Customer.Frequency >= 5", "stages/mature.csx"), "mature");
/// crm.Lifecycle.ApplyRules([.. crm.Lifecycle.Rules, mature]);
/// </code>
/// </example>
public sealed class ScriptedStageRule : IStageRule
{
    private readonly ScriptParameters _parameters;

    /// <summary>Wraps <paramref name="script"/> under the rule name <paramref name="name"/>, proposing <paramref name="to"/> when it returns true.</summary>
    /// <exception cref="CrmValidationException">The name is not a lower-case identifier, or the stage is empty.</exception>
    /// <exception cref="ArgumentNullException">The script is null.</exception>
    public ScriptedStageRule(string name, SegmentScript script, StageId to, ScriptParameters? parameters = null)
    {
        Name = ScriptedCareRule.RuleName(name);
        Script = script ?? throw new ArgumentNullException(nameof(script));
        To = to == default ? throw new CrmValidationException("to", "is required but was empty.") : to;
        _parameters = parameters ?? ScriptParameters.Empty;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The compiled condition.</summary>
    public SegmentScript Script { get; }

    /// <summary>The stage the rule proposes when the condition holds.</summary>
    public StageId To { get; }

    /// <inheritdoc/>
    public SnapshotNeeds Needs => Script.Needs;

    /// <inheritdoc/>
    /// <exception cref="ScriptRuntimeException">The script failed for this customer (the run reports it and goes on).</exception>
    public StageProposal? Propose(CustomerSnapshot customer, StageModel model, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Script.Evaluate(new CustomerView(customer), new ScriptContext(now, _parameters)) ? new StageProposal(To) : null;
    }

    /// <inheritdoc/>
    /// <remarks>In a worker process the chunk travels as one batch; a customer that ends the worker fails alone.</remarks>
    public Outcome<StageProposal?>[] ProposeAll(IReadOnlyList<CustomerSnapshot> customers, StageModel model, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var views = new CustomerView[customers.Count];
        for (var i = 0; i < views.Length; i++) views[i] = new CustomerView(customers[i]);
        Outcome<bool>[] verdicts;
        try
        {
            verdicts = Script.EvaluateAll(views, new ScriptContext(now, _parameters));
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            return [.. views.Select(_ => Outcome<StageProposal?>.Failed(e))];
        }
        var proposal = new StageProposal(To);
        return [.. verdicts.Select(v => v.Error is { } error ? Outcome<StageProposal?>.Failed(error) : Outcome<StageProposal?>.Of(v.Value ? proposal : null))];
    }
}
