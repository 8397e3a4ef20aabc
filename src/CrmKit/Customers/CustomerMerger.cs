using CrmKit.Storage;

namespace CrmKit;

/// <summary>Merges one customer into another in a single transaction; see <see cref="MergeRecord"/>.</summary>
internal sealed class CustomerMerger(CrmContext context)
{
    internal ValueTask<MergeRecord> MergeAsync(CustomerCode survivorCode, CustomerCode mergedCode, string actor, string reason, CancellationToken ct) =>
        context.Write((store, c) => MergeInAsync(store, survivorCode, mergedCode, actor, reason, c), ct);

    /// <summary>The merge inside the caller's write (a sync import merges automatically in its own).</summary>
    internal async ValueTask<MergeRecord> MergeInAsync(IStoreSession store, CustomerCode survivorCode, CustomerCode mergedCode, string actor, string reason, CancellationToken c)
    {
        var (s, survivor) = await CrmContext.LoadAsync(store, survivorCode, c).ConfigureAwait(false);
        var (m, merged) = await CrmContext.LoadAsync(store, mergedCode, c).ConfigureAwait(false);
        if (s == m) throw new CrmValidationException("merged", $"'{mergedCode}' and '{survivorCode}' are the same customer.");
        var now = context.Now;

        var interactions = await store.Interactions.OfAsync(m, c).ConfigureAwait(false);
        await store.Interactions.ReplaceAsync(interactions.Select(i => i with { Customer = s }).ToArray(), c).ConfigureAwait(false);
        var stageChanges = await store.Stages.MoveAsync(m, s, c).ConfigureAwait(false);
        var gradeChanges = await store.Grades.MoveAsync(m, s, c).ConfigureAwait(false);

        var survivorSources = await store.Identities.ValueSourcesOfAsync(s, c).ConfigureAwait(false);
        var values = new MergeValues(survivor.Customer, merged.Customer, await store.Identities.ValueSourcesOfAsync(m, c).ConfigureAwait(false), now);
        var combined = values.Combine();
        var (claim, keptClaim) = await MoveClaimAsync(store.Claims, s, m, now, c).ConfigureAwait(false);
        if (claim is not null && claim.Until > now && combined.Owner != claim.Salesperson)
        {
            // A claim in force makes its holder the owner, as taking it did.
            values.KeepOwner(combined.Owner, survivorSources);
            combined = combined with { Owner = claim.Salesperson };
        }
        combined = combined with { UpdatedAt = now, Version = survivor.Customer.Version + 1 };
        await store.Customers.UpdateAsync(combined, survivor.Customer.Version, c).ConfigureAwait(false);

        var identities = await store.Identities.MoveAsync(m, s, c).ConfigureAwait(false);
        foreach (var taken in values.Taken) await store.Identities.PutValueSourceAsync(taken, c).ConfigureAwait(false);
        foreach (var kept in values.Kept) await store.Identities.KeepAsync(kept, c).ConfigureAwait(false);

        var record = new MergeRecord(s, m, now, actor, reason, interactions.Count, stageChanges)
        {
            GradeChangesMoved = gradeChanges,
            IdentitiesMoved = identities,
            ValuesKept = values.Kept.Count,
            KeptClaim = keptClaim,
        };
        await store.Customers.MergeAwayAsync(record, c).ConfigureAwait(false);
        await store.Identities.AppendMergeAsync(record, c).ConfigureAwait(false);
        await RepointMatchesAsync(store.Identities, s, m, c).ConfigureAwait(false);

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
    }

    /// <summary>
    /// The survivor ends with one claim: the one in force, its own when both are (or, when neither
    /// is, the later one, its own on a tie). Returns that claim and the one set aside, if any.
    /// </summary>
    private static async ValueTask<(Claim? Current, Claim? Kept)> MoveClaimAsync(IClaimStore claims, CustomerCode survivor, CustomerCode merged, DateTimeOffset now, CancellationToken ct)
    {
        var ours = await claims.GetAsync(survivor, ct).ConfigureAwait(false);
        var theirs = await claims.GetAsync(merged, ct).ConfigureAwait(false);
        if (theirs is null) return (ours, null);
        await claims.RemoveAsync(merged, ct).ConfigureAwait(false);
        var moved = theirs with { Customer = survivor };
        if (ours is null)
        {
            await claims.PutAsync(moved, ct).ConfigureAwait(false);
            return (moved, null);
        }
        var theirsWins = ours.Until <= now && (theirs.Until > now || theirs.At > ours.At);
        if (!theirsWins) return (ours, theirs);
        await claims.PutAsync(moved, ct).ConfigureAwait(false);
        return (moved, ours);
    }

    /// <summary>
    /// The pair leaves the review list; entries naming the merged code now name the survivor
    /// (an entry the survivor already has with that customer, dismissed or not, stands).
    /// </summary>
    private static async ValueTask RepointMatchesAsync(IIdentityStore identities, CustomerCode survivor, CustomerCode merged, CancellationToken ct)
    {
        foreach (var match in await identities.MatchesAsync(merged, ct).ConfigureAwait(false))
        {
            await identities.RemoveMatchAsync(match.First, match.Second, ct).ConfigureAwait(false);
            var other = match.First == merged ? match.Second : match.First;
            if (other == survivor || await identities.FindMatchAsync(survivor, other, ct).ConfigureAwait(false) is not null) continue;
            var (first, second) = DuplicateMatch.Pair(survivor, other);
            await identities.PutMatchAsync(match with { First = first, Second = second }, ct).ConfigureAwait(false);
        }
    }

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
}
