using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

/// <summary>
/// Campaigns as immutable values keyed by id (a step appended rebuilds the campaign through the
/// public restore, as a store outside the core would), templates by name, and assignments keyed by
/// campaign and customer.
/// </summary>
internal sealed class MemoryCampaigns(MemorySession session) : ICampaignStore
{
    public ValueTask<Campaign?> FindAsync(string id, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Campaigns.GetValueOrDefault(id));
    }

    public ValueTask<IReadOnlyList<Campaign>> AllAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<Campaign>>(session.State.Campaigns.Values.ToArray());
    }

    public ValueTask LockAsync(string id, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> AddAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return ValueTask.FromResult(session.State.Campaigns.TryAdd(campaign.Id, campaign));
    }

    public ValueTask AppendStepAsync(string id, CampaignStep step, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var stored = session.State.Campaigns.GetValueOrDefault(id) ?? throw new CampaignNotFoundException(id);
        session.State.Campaigns[id] = StoredCampaign.Restore(id, StoredCampaign.PlanFromJson(StoredCampaign.PlanToJson(stored.Plan)), [.. stored.History, step], stored.CopiedFrom);
        return ValueTask.CompletedTask;
    }

    public ValueTask<CampaignTemplate?> FindTemplateAsync(string name, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Templates.GetValueOrDefault(name));
    }

    public ValueTask<IReadOnlyList<CampaignTemplate>> TemplatesAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<CampaignTemplate>>(session.State.Templates.Values.ToArray());
    }

    public ValueTask PutTemplateAsync(CampaignTemplate template, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.State.Templates[template.Name] = template;
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> AssignAsync(CampaignAssignment assignment, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return ValueTask.FromResult(session.State.Assignments.TryAdd(Key(assignment.Campaign, assignment.Customer), assignment));
    }

    public ValueTask<bool> UnassignAsync(string campaign, CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return ValueTask.FromResult(session.State.Assignments.Remove(Key(campaign, customer)));
    }

    public ValueTask<CampaignAssignment?> AssignmentAsync(string campaign, CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Assignments.GetValueOrDefault(Key(campaign, customer)));
    }

    public ValueTask<IReadOnlyList<CampaignAssignment>> AssignmentsAsync(string campaign, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<CampaignAssignment>>(session.State.Assignments.Values.Where(a => a.Campaign == campaign)
            .OrderBy(a => a.Customer.Value, StringComparer.Ordinal).ToArray());
    }

    private static string Key(string campaign, CustomerCode customer) => campaign + "\u001f" + customer.Value;
}
