using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Campaigns (one document each, steps appended in a collection of their own), templates and assignments in the embedded store.</summary>
internal sealed class LiteCampaigns(LiteSession session) : ICampaignStore
{
    private LiteStore Store => session.Store;

    public ValueTask<Campaign?> FindAsync(string id, CancellationToken cancellationToken) =>
        Completed.Value(Store.Campaigns.FindById(id) is { } doc ? Load(doc) : null);

    public ValueTask<IReadOnlyList<Campaign>> AllAsync(CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<Campaign>>(Store.Campaigns.FindAll().Select(Load).OrderBy(c => c.Id, StringComparer.Ordinal).ToArray());

    private Campaign Load(BsonDocument doc) => CampaignDocument.ToCampaign(doc,
        Store.CampaignSteps.Find(Where.Eq("cmp", doc["_id"].AsString)).OrderBy(d => d["_id"].AsInt64).Select(CampaignDocument.ToStep).ToArray());

    // Writes are serialised by the store: a unit of work holds every campaign already.
    public ValueTask LockAsync(string id, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> AddAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (Store.Campaigns.FindById(campaign.Id) is not null) return Completed.Value(false);
        Store.Campaigns.Insert(CampaignDocument.ToBson(campaign));
        foreach (var step in campaign.History) Store.CampaignSteps.Insert(CampaignDocument.ToBson(campaign.Id, step));
        return Completed.Value(true);
    }

    public ValueTask AppendStepAsync(string id, CampaignStep step, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (Store.Campaigns.FindById(id) is null) throw new CampaignNotFoundException(id);
        Store.CampaignSteps.Insert(CampaignDocument.ToBson(id, step));
        return ValueTask.CompletedTask;
    }

    public ValueTask<CampaignTemplate?> FindTemplateAsync(string name, CancellationToken cancellationToken) =>
        Completed.Value(Store.CampaignTemplates.FindById(name) is { } doc ? CampaignDocument.ToTemplate(doc) : null);

    public ValueTask<IReadOnlyList<CampaignTemplate>> TemplatesAsync(CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<CampaignTemplate>>(Store.CampaignTemplates.FindAll().Select(CampaignDocument.ToTemplate).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray());

    public ValueTask PutTemplateAsync(CampaignTemplate template, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        Store.CampaignTemplates.Upsert(CampaignDocument.ToBson(template));
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> AssignAsync(CampaignAssignment assignment, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var doc = CampaignDocument.ToBson(assignment);
        if (Store.CampaignAssignments.FindById(doc["_id"]) is not null) return Completed.Value(false);
        Store.CampaignAssignments.Insert(doc);
        return Completed.Value(true);
    }

    public ValueTask<bool> UnassignAsync(string campaign, CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return Completed.Value(Store.CampaignAssignments.Delete(CampaignDocument.AssignmentId(campaign, customer)));
    }

    public ValueTask<CampaignAssignment?> AssignmentAsync(string campaign, CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value(Store.CampaignAssignments.FindById(CampaignDocument.AssignmentId(campaign, customer)) is { } doc ? CampaignDocument.ToAssignment(doc) : null);

    public ValueTask<IReadOnlyList<CampaignAssignment>> AssignmentsAsync(string campaign, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<CampaignAssignment>>(Store.CampaignAssignments.Find(Where.Eq("cmp", campaign)).Select(CampaignDocument.ToAssignment)
            .OrderBy(a => a.Customer.Value, StringComparer.Ordinal).ToArray());
}
