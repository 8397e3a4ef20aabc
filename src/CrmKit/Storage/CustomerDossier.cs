using CrmKit.Value;

namespace CrmKit.Storage;

/// <summary>Everything a store holds about one customer, for export and erasure.</summary>
public sealed record CustomerDossier
{
    /// <summary>The profile and stats.</summary>
    public required CustomerRecord Record { get; init; }

    /// <summary>The interactions, in recording order.</summary>
    public required IReadOnlyList<Interaction> Interactions { get; init; }

    /// <summary>The stage history, in recording order.</summary>
    public required IReadOnlyList<StageChange> StageHistory { get; init; }

    /// <summary>The grade history, in recording order.</summary>
    public required IReadOnlyList<GradeChange> GradeHistory { get; init; }

    /// <summary>The latest claim, if any.</summary>
    public Claim? Claim { get; init; }

    /// <summary>The value figures of the latest fit, if any.</summary>
    public CustomerValue? Value { get; init; }

    /// <summary>The segments the customer is a member of.</summary>
    public required IReadOnlyList<SegmentMembership> Segments { get; init; }

    /// <summary>The care tasks, by id.</summary>
    public required IReadOnlyList<CareTask> CareTasks { get; init; }

    /// <summary>The care suppressions.</summary>
    public required IReadOnlyList<CareSuppression> CareSuppressions { get; init; }

    /// <summary>The customer's campaign assignments: which arm of which campaign, and when.</summary>
    public IReadOnlyList<CampaignAssignment> CampaignAssignments { get; init; } = [];

    /// <summary>The customer's service cases, each with its history.</summary>
    public IReadOnlyList<ServiceCase> Cases { get; init; } = [];

    /// <summary>The contact attempts on the customer's care tasks and cases, by id.</summary>
    public IReadOnlyList<ContactAttempt> Attempts { get; init; } = [];

    /// <summary>The owner changes of the customer and of its care tasks, by id (a case keeps its own in its history).</summary>
    public IReadOnlyList<OwnerChange> OwnerChanges { get; init; } = [];

    /// <summary>The customer's points ledger, in sequence order.</summary>
    public IReadOnlyList<Loyalty.LedgerEntry> LedgerEntries { get; init; } = [];

    /// <summary>The referrals that involve the customer: the one that brought them in (if any) first, then those they made, by referred code.</summary>
    public IReadOnlyList<Loyalty.Referral> Referrals { get; init; } = [];

    /// <summary>The codes merged into this customer.</summary>
    public required IReadOnlyList<CustomerCode> MergedCodes { get; init; }

    /// <summary>The erasures recorded, in recording order.</summary>
    public required IReadOnlyList<ErasureRecord> Erasures { get; init; }

    /// <summary>
    /// Everything <paramref name="store"/> holds under exactly <paramref name="customer"/>, read
    /// through the aggregates' own contracts in the caller's unit of work, or null when no customer
    /// is stored under the code. Every store gives the same dossier for the same data.
    /// </summary>
    public static async ValueTask<CustomerDossier?> GatherAsync(IStoreSession store, CustomerCode customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.Customers.FindAsync(customer, cancellationToken).ConfigureAwait(false) is not { } record) return null;
        return new CustomerDossier
        {
            Record = record,
            Interactions = await store.Interactions.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            StageHistory = await store.Stages.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            GradeHistory = await store.Grades.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            Claim = await store.Claims.GetAsync(customer, cancellationToken).ConfigureAwait(false),
            Value = await store.Values.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            Segments = await store.Segments.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            CareTasks = await store.Care.OfAsync(customer, cancellationToken).ConfigureAwait(false),
            CareSuppressions = await store.Care.SuppressionsOfAsync(customer, cancellationToken).ConfigureAwait(false),
            CampaignAssignments = await AssignmentsAsync(store.Campaigns, customer, cancellationToken).ConfigureAwait(false),
            Cases = [.. (await store.Cases.ListAsync(new CaseQuery { Customer = customer }, cancellationToken).ConfigureAwait(false))
                .Select(r => CaseDocument.FromRecord(r, "the store"))],
            Attempts = await store.Operations.AttemptsOfAsync(customer, cancellationToken).ConfigureAwait(false),
            OwnerChanges = await store.Operations.OwnerChangesOfAsync(customer, cancellationToken).ConfigureAwait(false),
            LedgerEntries = await store.Loyalty.EntriesOfAsync(customer, cancellationToken).ConfigureAwait(false),
            Referrals = [.. await ReferralsAsync(store.Loyalty, customer, cancellationToken).ConfigureAwait(false)],
            MergedCodes = await store.Customers.AliasesOfAsync(customer, cancellationToken).ConfigureAwait(false),
            Erasures = await store.Privacy.ErasuresOfAsync(customer, cancellationToken).ConfigureAwait(false),
        };
    }

    private static async ValueTask<IEnumerable<Loyalty.Referral>> ReferralsAsync(ILoyaltyStore loyalty, CustomerCode customer, CancellationToken ct)
    {
        var brought = await loyalty.ReferralOfAsync(customer, ct).ConfigureAwait(false);
        var made = await loyalty.ReferralsByAsync(customer, ct).ConfigureAwait(false);
        return brought is null ? made : made.Prepend(brought);
    }

    private static async ValueTask<IReadOnlyList<CampaignAssignment>> AssignmentsAsync(ICampaignStore campaigns, CustomerCode customer, CancellationToken ct)
    {
        var found = new List<CampaignAssignment>();
        foreach (var campaign in await campaigns.AllAsync(ct).ConfigureAwait(false))
        {
            if (await campaigns.AssignmentAsync(campaign.Id, customer, ct).ConfigureAwait(false) is { } assignment) found.Add(assignment);
        }
        return found;
    }
}
