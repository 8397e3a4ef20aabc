namespace CrmKit.Storage;

/// <summary>
/// Campaigns (their plan and the recorded steps of their lifecycle), the plan library's templates,
/// and assignments. An assignment is kept once per campaign and customer, ever: the store enforces
/// it (a unique key), so a run repeated by any host never reassigns anyone.
/// </summary>
public interface ICampaignStore
{
    /// <summary>The campaign with <paramref name="id"/>, with every step, or null.</summary>
    ValueTask<Campaign?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every campaign, in id order (ordinal).</summary>
    ValueTask<IReadOnlyList<Campaign>> AllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Holds the campaign against other writers until this unit of work ends, so that two hosts
    /// stepping or running one campaign take turns and the second sees what the first wrote (a
    /// server store takes a row lock; a store whose writes are serialised need do nothing). Call it
    /// before reading the campaign in a write.
    /// </summary>
    ValueTask LockAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores a new campaign with its plan and steps; false (and nothing written) when the id is taken.</summary>
    ValueTask<bool> AddAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>Appends one lifecycle step to a stored campaign; the domain has checked that it follows from the last.</summary>
    /// <exception cref="CampaignNotFoundException">No campaign has <paramref name="id"/>.</exception>
    ValueTask AppendStepAsync(string id, CampaignStep step, CancellationToken cancellationToken);

    /// <summary>The template named <paramref name="name"/>, or null.</summary>
    ValueTask<CampaignTemplate?> FindTemplateAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every template, in name order (ordinal).</summary>
    ValueTask<IReadOnlyList<CampaignTemplate>> TemplatesAsync(CancellationToken cancellationToken);

    /// <summary>Stores a template, replacing one of the same name.</summary>
    ValueTask PutTemplateAsync(CampaignTemplate template, CancellationToken cancellationToken);

    /// <summary>Records an assignment; false (and nothing written) when the customer already has one in the campaign.</summary>
    ValueTask<bool> AssignAsync(CampaignAssignment assignment, CancellationToken cancellationToken);

    /// <summary>Removes the customer's assignment in the campaign (a merge moves it to the survivor); false when there was none.</summary>
    ValueTask<bool> UnassignAsync(string campaign, CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>The customer's assignment in the campaign, or null.</summary>
    ValueTask<CampaignAssignment?> AssignmentAsync(string campaign, CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>Every assignment of a campaign, in customer code order (ordinal).</summary>
    ValueTask<IReadOnlyList<CampaignAssignment>> AssignmentsAsync(string campaign, CancellationToken cancellationToken);
}
