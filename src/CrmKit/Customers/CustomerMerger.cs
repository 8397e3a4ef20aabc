using CrmKit.Storage;

namespace CrmKit;

/// <summary>Merges one customer into another in a single transaction; see <see cref="MergeRecord"/>.</summary>
internal sealed class CustomerMerger(CrmContext context)
{
    internal ValueTask<MergeRecord> MergeAsync(CustomerCode survivorCode, CustomerCode mergedCode, string actor, string reason, CancellationToken ct) =>
        context.Write(async (store, c) =>
        {
            var (s, survivor) = await CrmContext.LoadAsync(store, survivorCode, c).ConfigureAwait(false);
            var (m, merged) = await CrmContext.LoadAsync(store, mergedCode, c).ConfigureAwait(false);
            if (s == m) throw new CrmValidationException("merged", $"'{mergedCode}' and '{survivorCode}' are the same customer.");
            var now = context.Now;

            var interactions = await store.Interactions.OfAsync(m, c).ConfigureAwait(false);
            await store.Interactions.ReplaceAsync(interactions.Select(i => i with { Customer = s }).ToArray(), c).ConfigureAwait(false);
            var stageChanges = await store.Stages.MoveAsync(m, s, c).ConfigureAwait(false);

            var combined = Combine(survivor.Customer, merged.Customer) with { UpdatedAt = now, Version = survivor.Customer.Version + 1 };
            await store.Customers.UpdateAsync(combined, survivor.Customer.Version, c).ConfigureAwait(false);
            var record = new MergeRecord(s, m, now, actor, reason, interactions.Count, stageChanges);
            await store.Customers.MergeAwayAsync(record, c).ConfigureAwait(false);

            await CareMerge.MoveAsync(store.Care, s, m, now, c).ConfigureAwait(false);
            await Loyalty.LedgerMerge.MoveAsync(context, store, s, m, now, c).ConfigureAwait(false);
            await MoveAssignmentsAsync(store.Campaigns, s, m, c).ConfigureAwait(false);
            await store.Operations.MoveCustomerAsync(m, s, c).ConfigureAwait(false);
            foreach (var stored in await store.Cases.ListAsync(new CaseQuery { Customer = m }, c).ConfigureAwait(false))
            {
                var moved = CaseDocument.FromRecord(stored, context.Store.Location).MovedTo(s);
                await store.Cases.UpdateAsync(CaseDocument.ToRecord(moved), stored.Changes, c).ConfigureAwait(false);
            }

            var all = await store.Interactions.OfAsync(s, c).ConfigureAwait(false);
            await store.Customers.SetStatsAsync(s, InteractionLog.Fold(context.Options, all), c).ConfigureAwait(false);
            return record;
        }, ct);

    /// <summary>
    /// The merged customer's campaign assignments go to the survivor. Where both were assigned in
    /// one campaign, the survivor keeps its own: a person is in one arm of a campaign, and the
    /// earlier contacts were made under the survivor's.
    /// </summary>
    private static async ValueTask MoveAssignmentsAsync(ICampaignStore campaigns, CustomerCode survivor, CustomerCode merged, CancellationToken ct)
    {
        foreach (var campaign in await campaigns.AllAsync(ct).ConfigureAwait(false))
        {
            if (await campaigns.AssignmentAsync(campaign.Id, merged, ct).ConfigureAwait(false) is not { } assignment) continue;
            await campaigns.UnassignAsync(campaign.Id, merged, ct).ConfigureAwait(false);
            await campaigns.AssignAsync(assignment with { Customer = survivor }, ct).ConfigureAwait(false);
        }
    }

    private static Customer Combine(Customer survivor, Customer merged)
    {
        var attributes = new Dictionary<string, AttributeValue>(merged.Attributes, StringComparer.Ordinal);
        foreach (var (k, v) in survivor.Attributes) attributes[k] = v;

        var consents = new Dictionary<Channel, Consent>(survivor.Consents);
        foreach (var (channel, theirs) in merged.Consents)
        {
            consents[channel] = consents.TryGetValue(channel, out var ours) ? Stricter(ours, theirs) : theirs;
        }

        return survivor with
        {
            Attributes = attributes,
            Tags = survivor.Tags.Union(merged.Tags, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            ContactPoints = survivor.ContactPoints.Union(merged.ContactPoints).ToArray(),
            Consents = consents,
            Owner = survivor.Owner ?? merged.Owner,
            Grade = survivor.Grade ?? merged.Grade,
            Group = survivor.Group ?? merged.Group,
            Birthday = survivor.Birthday ?? merged.Birthday,
            TimeZone = survivor.TimeZone ?? merged.TimeZone,
        };
    }

    /// <summary>An opt-out on either side wins; between two of the same kind, the later one.</summary>
    private static Consent Stricter(Consent a, Consent b) =>
        a.Granted != b.Granted ? (a.Granted ? b : a) : (a.At >= b.At ? a : b);
}
