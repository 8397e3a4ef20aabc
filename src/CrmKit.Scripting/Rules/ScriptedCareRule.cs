namespace CrmKit.Scripting;

/// <summary>
/// A care script as a care rule, so scripted and built-in rules run in the same sweep under the
/// same contact policy. Each <c>Care.Propose(...)</c> becomes one <see cref="CareAction"/>; a
/// proposal without a channel uses <see cref="DefaultChannel"/>. Thread-safe.
/// </summary>
public sealed class ScriptedCareRule : ICareRule
{
    private readonly ScriptParameters _parameters;

    /// <summary>Wraps <paramref name="script"/> under the rule name <paramref name="name"/>.</summary>
    /// <exception cref="CrmValidationException">The name is not a lower-case identifier.</exception>
    public ScriptedCareRule(string name, CareScript script, ScriptParameters? parameters = null, Channel? defaultChannel = null)
    {
        Name = Require.Identifier(name, "name");
        Script = script ?? throw new ArgumentNullException(nameof(script));
        _parameters = parameters ?? ScriptParameters.Empty;
        DefaultChannel = defaultChannel ?? Channel.Phone;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The compiled script.</summary>
    public CareScript Script { get; }

    /// <summary>The channel for proposals that name none.</summary>
    public Channel DefaultChannel { get; }

    /// <inheritdoc/>
    /// <exception cref="ScriptRuntimeException">The script failed for this customer (the sweep reports it and goes on).</exception>
    public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var proposals = Script.Propose(new CustomerView(customer.Customer, customer.Stats, customer.Value), new ScriptContext(now, _parameters));
        return proposals.Select(p => new CareAction(p.Occasion, p.Due, p.Channel is null ? DefaultChannel : new Channel(p.Channel), Map(p.Priority))
        {
            Note = p.Note,
            Owner = customer.Customer.Owner,
        }).ToArray();
    }

    private static TaskPriority Map(CarePriority priority) => priority switch
    {
        CarePriority.Low => TaskPriority.Low,
        CarePriority.High => TaskPriority.High,
        CarePriority.Urgent => TaskPriority.Urgent,
        _ => TaskPriority.Normal,
    };
}
