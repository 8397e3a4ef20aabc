using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// What the rate queries read from one unit of work, once: customers with their owners and
/// segments, tasks, interactions and campaigns, with the cut context of each event.
/// </summary>
internal sealed class RateFacts
{
    private readonly Dictionary<CustomerCode, Customer> _customers = [];
    private readonly Dictionary<CustomerCode, List<string>> _segments = [];
    private readonly Dictionary<CustomerCode, List<CareTask>> _tasksByCustomer = [];
    private readonly Dictionary<CustomerCode, List<Interaction>> _interactions = [];

    internal Dictionary<long, CareTask> Tasks { get; } = [];

    internal List<Interaction> Interactions { get; } = [];

    internal Dictionary<string, Campaign> Campaigns { get; } = new(StringComparer.Ordinal);

    internal IEnumerable<CustomerCode> Customers => _customers.Keys;

    internal static async ValueTask<RateFacts> LoadAsync(IStoreSession s, CancellationToken ct)
    {
        var facts = new RateFacts();
        await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.All(), ct).ConfigureAwait(false))
        {
            foreach (var snapshot in chunk) facts._customers[snapshot.Customer.Code] = snapshot.Customer;
        }
        foreach (var segment in await s.Segments.AllAsync(ct).ConfigureAwait(false))
        {
            foreach (var code in await s.Segments.MemberCodesAsync(segment.Definition.Name, ct).ConfigureAwait(false))
            {
                if (!facts._segments.TryGetValue(code, out var list)) facts._segments[code] = list = [];
                list.Add(segment.Definition.Name);
            }
        }
        foreach (var task in await s.Care.AllAsync(ct).ConfigureAwait(false))
        {
            facts.Tasks[task.Id] = task;
            if (!facts._tasksByCustomer.TryGetValue(task.Customer, out var list)) facts._tasksByCustomer[task.Customer] = list = [];
            list.Add(task);
        }
        await foreach (var chunk in s.Interactions.ScanAsync(null, ct).ConfigureAwait(false))
        {
            foreach (var i in chunk)
            {
                facts.Interactions.Add(i);
                if (!facts._interactions.TryGetValue(i.Customer, out var list)) facts._interactions[i.Customer] = list = [];
                list.Add(i);
            }
        }
        foreach (var campaign in await s.Campaigns.AllAsync(ct).ConfigureAwait(false)) facts.Campaigns[campaign.Id] = campaign;
        return facts;
    }

    internal bool Exists(CustomerCode code) => _customers.ContainsKey(code);

    internal string? OwnerOf(CustomerCode code) => _customers.GetValueOrDefault(code)?.Owner;

    internal CareTask? Task(long id) => Tasks.GetValueOrDefault(id);

    internal IReadOnlyList<CareTask> TasksOf(CustomerCode code) => _tasksByCustomer.GetValueOrDefault(code) ?? [];

    internal IReadOnlyList<Interaction> InteractionsOf(CustomerCode code) => _interactions.GetValueOrDefault(code) ?? [];

    /// <summary>The campaign a task was made for, when it was made by a campaign run.</summary>
    internal Campaign? CampaignOf(CareTask task) =>
        task.Rule.StartsWith("campaign.", StringComparison.Ordinal) ? Campaigns.GetValueOrDefault(task.Rule["campaign.".Length..]) : null;

    /// <summary>The cut context of an event about <paramref name="code"/>: its owner, its task's channel and campaign, the customer's segments now.</summary>
    internal RateContext Context(CustomerCode code, string? owner, CareTask? task) =>
        new(owner, task?.Channel, task is null ? null : CampaignOf(task)?.Id, _segments.GetValueOrDefault(code));
}
