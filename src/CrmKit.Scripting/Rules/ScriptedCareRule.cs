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
        Name = RuleName(name);
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
    public SnapshotNeeds Needs => Script.Needs;

    /// <inheritdoc/>
    /// <exception cref="ScriptRuntimeException">The script failed for this customer (the sweep reports it and goes on).</exception>
    public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Actions(customer, Script.Propose(new CustomerView(customer), new ScriptContext(now, _parameters)));
    }

    /// <inheritdoc/>
    /// <remarks>In a worker process the chunk travels as one batch; a customer that ends the worker fails alone.</remarks>
    public Outcome<IReadOnlyList<CareAction>>[] ProposeAll(IReadOnlyList<CustomerSnapshot> customers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var views = new CustomerView[customers.Count];
        for (var i = 0; i < views.Length; i++) views[i] = new CustomerView(customers[i]);
        Outcome<IReadOnlyList<CareProposal>>[] outcomes;
        try
        {
            outcomes = Script.ProposeAll(views, new ScriptContext(now, _parameters));
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            return [.. views.Select(_ => Outcome<IReadOnlyList<CareAction>>.Failed(e))];
        }
        var result = new Outcome<IReadOnlyList<CareAction>>[outcomes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                result[i] = Outcome<IReadOnlyList<CareAction>>.Failed(error);
                continue;
            }
            try
            {
                result[i] = Outcome<IReadOnlyList<CareAction>>.Of(Actions(customers[i], outcomes[i].Value));
            }
            catch (CrmValidationException invalid)
            {
                // A proposal the core will not take fails this customer only; the sweep goes on.
                result[i] = Outcome<IReadOnlyList<CareAction>>.Failed(invalid);
            }
        }
        return result;
    }

    private CareAction[] Actions(CustomerSnapshot customer, IReadOnlyList<CareProposal> proposals) =>
        [.. proposals.Select(p => new CareAction(p.Occasion, p.Due, p.Channel is null ? DefaultChannel : new Channel(p.Channel), Map(p.Priority))
        {
            Note = p.Note,
            Owner = customer.Customer.Owner,
        })];

    /// <summary>The rule's name checked as the core checks names of care rules: 1 to 64 of a-z, 0-9, '-', '_' and '.'.</summary>
    internal static string RuleName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            throw new CrmValidationException("name", $"'{name}' must be 1 to 64 lower-case letters a-z, digits, '-', '_' and '.'.");
        return name;
    }

    private static TaskPriority Map(CarePriority priority) => priority switch
    {
        CarePriority.Low => TaskPriority.Low,
        CarePriority.High => TaskPriority.High,
        CarePriority.Urgent => TaskPriority.Urgent,
        _ => TaskPriority.Normal,
    };
}
