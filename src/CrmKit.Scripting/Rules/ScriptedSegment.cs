namespace CrmKit.Scripting;

/// <summary>
/// A segment script as a segment predicate, so scripted segments refresh, preview and explain
/// through the same engine as built-in filters. Thread-safe.
/// </summary>
public sealed class ScriptedSegment : ISegmentPredicate
{
    private readonly ScriptParameters _parameters;
    private ScriptContext? _context;

    /// <summary>Wraps <paramref name="script"/>, which will see <paramref name="parameters"/> as <c>Params</c>.</summary>
    public ScriptedSegment(SegmentScript script, ScriptParameters? parameters = null)
    {
        Script = script ?? throw new ArgumentNullException(nameof(script));
        _parameters = parameters ?? ScriptParameters.Empty;
    }

    /// <summary>The compiled script.</summary>
    public SegmentScript Script { get; }

    /// <inheritdoc/>
    /// <exception cref="ScriptRuntimeException">The script failed for this customer.</exception>
    public bool Matches(CustomerSnapshot customer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        // One context per instant: a refresh asks about many customers at the same now.
        var context = _context;
        if (context is null || context.Now != now) _context = context = new ScriptContext(now, _parameters);
        return Script.Evaluate(new CustomerView(customer), context);
    }

    /// <inheritdoc/>
    /// <remarks>In a worker process the chunk travels as one batch; a customer that ends the worker fails alone.</remarks>
    public Outcome<bool>[] MatchAll(IReadOnlyList<CustomerSnapshot> customers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var views = new CustomerView[customers.Count];
        for (var i = 0; i < views.Length; i++) views[i] = new CustomerView(customers[i]);
        try
        {
            return Script.EvaluateAll(views, new ScriptContext(now, _parameters));
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            // The batch as a whole could not be evaluated (for example, a parameter a worker cannot receive).
            return [.. views.Select(_ => Outcome<bool>.Failed(e))];
        }
    }

    /// <inheritdoc/>
    public SnapshotNeeds Needs => Script.Needs;

    /// <inheritdoc/>
    public override string ToString() => "script " + Script.Path;
}
