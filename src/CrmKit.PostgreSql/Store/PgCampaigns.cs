using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>Campaigns (the plan as the core's stored document, steps in rows of their own), templates and assignments.</summary>
internal sealed class PgCampaigns(PgSession session) : ICampaignStore
{
    public async ValueTask<Campaign?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await LoadAsync("WHERE c.id = $1", cancellationToken, id).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<Campaign>> AllAsync(CancellationToken cancellationToken) =>
        await LoadAsync("", cancellationToken).ConfigureAwait(false);

    private async ValueTask<List<Campaign>> LoadAsync(string where, CancellationToken ct, params object?[] args)
    {
        var rows = await session.ListAsync($"""
            SELECT c.id, c.plan::text, c.copied_from FROM campaigns c {where} ORDER BY c.id COLLATE "C"
            """, r => (Id: r.GetString(0), Plan: r.GetString(1), From: Sql.OptionalText(r, 2)), ct, args).ConfigureAwait(false);
        var campaigns = new List<Campaign>(rows.Count);
        foreach (var row in rows)
        {
            var steps = await session.ListAsync("""
                SELECT from_status, to_status, taken_at, taken_offset, actor, reason FROM campaign_steps WHERE campaign_id = $1 ORDER BY position
                """, ReadStep, ct, row.Id).ConfigureAwait(false);
            campaigns.Add(StoredCampaign.Restore(row.Id, StoredCampaign.PlanFromJson(row.Plan), steps, row.From));
        }
        return campaigns;
    }

    private static CampaignStep ReadStep(NpgsqlDataReader r) =>
        new(r.IsDBNull(0) ? null : Enum.Parse<CampaignStatus>(r.GetString(0)), Enum.Parse<CampaignStatus>(r.GetString(1)), Sql.At(r, 2), r.GetString(4), r.GetString(5));

    public async ValueTask LockAsync(string id, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE", cancellationToken, id).ConfigureAwait(false);
    }

    public async ValueTask<bool> AddAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var added = await session.ExecuteAsync("INSERT INTO campaigns (id, plan, copied_from) VALUES ($1, $2::jsonb, $3) ON CONFLICT (id) DO NOTHING",
            cancellationToken, campaign.Id, StoredCampaign.PlanToJson(campaign.Plan), Sql.Text(campaign.CopiedFrom)).ConfigureAwait(false);
        if (added == 0) return false;
        for (var i = 0; i < campaign.History.Count; i++) await InsertStepAsync(campaign.Id, i, campaign.History[i], cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async ValueTask AppendStepAsync(string id, CampaignStep step, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await LockAsync(id, cancellationToken).ConfigureAwait(false);
        var last = await session.ListAsync("""
            SELECT position, to_status FROM campaign_steps WHERE campaign_id = $1 ORDER BY position DESC LIMIT 1
            """, r => (Position: r.GetInt32(0), To: Enum.Parse<CampaignStatus>(r.GetString(1))), cancellationToken, id).ConfigureAwait(false);
        if (last.Count == 0) throw new CampaignNotFoundException(id);
        // The history stays one chain even if a writer skipped LockAsync.
        if (last[0].To != step.From)
            throw new CrmValidationException("campaign.history", $"of '{id}' ends at {last[0].To}, so a step from {step.From} cannot follow it.");
        await InsertStepAsync(id, last[0].Position + 1, step, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<int> InsertStepAsync(string id, int position, CampaignStep step, CancellationToken ct) =>
        session.ExecuteAsync("""
            INSERT INTO campaign_steps (campaign_id, position, from_status, to_status, taken_at, taken_offset, actor, reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, ct, Sql.Args(id, position, Sql.Text(step.From?.ToString()), step.To.ToString(), Sql.At(step.At), step.Actor, step.Reason));

    public async ValueTask<CampaignTemplate?> FindTemplateAsync(string name, CancellationToken cancellationToken) =>
        (await session.ListAsync("SELECT name, plan::text, description FROM campaign_templates WHERE name = $1", ReadTemplate, cancellationToken, name)
            .ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<CampaignTemplate>> TemplatesAsync(CancellationToken cancellationToken) =>
        await session.ListAsync("""SELECT name, plan::text, description FROM campaign_templates ORDER BY name COLLATE "C" """, ReadTemplate, cancellationToken)
            .ConfigureAwait(false);

    private static CampaignTemplate ReadTemplate(NpgsqlDataReader r) => new(r.GetString(0), StoredCampaign.PlanFromJson(r.GetString(1)), Sql.OptionalText(r, 2));

    public async ValueTask PutTemplateAsync(CampaignTemplate template, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("""
            INSERT INTO campaign_templates (name, plan, description) VALUES ($1, $2::jsonb, $3)
            ON CONFLICT (name) DO UPDATE SET plan = excluded.plan, description = excluded.description
            """, cancellationToken, template.Name, StoredCampaign.PlanToJson(template.Plan), Sql.Text(template.Description)).ConfigureAwait(false);
    }

    public async ValueTask<bool> AssignAsync(CampaignAssignment assignment, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return await session.ExecuteAsync("""
            INSERT INTO campaign_assignments (customer_code, campaign_id, offer, assigned_at, assigned_offset) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (customer_code, campaign_id) DO NOTHING
            """, cancellationToken, Sql.Args(assignment.Customer.Value, assignment.Campaign, Sql.Text(assignment.Offer), Sql.At(assignment.At))).ConfigureAwait(false) > 0;
    }

    public async ValueTask<bool> UnassignAsync(string campaign, CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return await session.ExecuteAsync("DELETE FROM campaign_assignments WHERE customer_code = $1 AND campaign_id = $2",
            cancellationToken, customer.Value, campaign).ConfigureAwait(false) > 0;
    }

    public async ValueTask<CampaignAssignment?> AssignmentAsync(string campaign, CustomerCode customer, CancellationToken cancellationToken) =>
        (await session.ListAsync("""
            SELECT campaign_id, customer_code, offer, assigned_at, assigned_offset FROM campaign_assignments WHERE customer_code = $1 AND campaign_id = $2
            """, ReadAssignment, cancellationToken, customer.Value, campaign).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<CampaignAssignment>> AssignmentsAsync(string campaign, CancellationToken cancellationToken) =>
        await session.ListAsync("""
            SELECT campaign_id, customer_code, offer, assigned_at, assigned_offset FROM campaign_assignments WHERE campaign_id = $1 ORDER BY customer_code COLLATE "C"
            """, ReadAssignment, cancellationToken, campaign).ConfigureAwait(false);

    private static CampaignAssignment ReadAssignment(NpgsqlDataReader r) =>
        new(r.GetString(0), new CustomerCode(r.GetString(1)), Sql.OptionalText(r, 2), Sql.At(r, 3));
}
