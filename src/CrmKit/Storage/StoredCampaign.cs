namespace CrmKit.Storage;

/// <summary>
/// For store implementations outside this assembly: the stored form of a campaign's plan, and a
/// campaign rebuilt from its stored parts with the same checks as when it was made.
/// </summary>
public static class StoredCampaign
{
    /// <summary>The plan as the JSON text every store keeps.</summary>
    public static string PlanToJson(CampaignPlan plan) => CampaignPlanJson.Write(plan);

    /// <summary>The plan read back from <see cref="PlanToJson"/>'s text.</summary>
    /// <exception cref="CrmValidationException">The text is not a stored plan, or does not make a valid one.</exception>
    public static CampaignPlan PlanFromJson(string json) => CampaignPlanJson.Read(json);

    /// <summary>A campaign from its id, plan, steps (oldest first) and origin.</summary>
    /// <exception cref="CrmValidationException">The steps do not start with the creation, skip a status, break the lifecycle or go back in time.</exception>
    public static Campaign Restore(string id, CampaignPlan plan, IReadOnlyList<CampaignStep> history, string? copiedFrom) =>
        Campaign.Restore(id, plan, history, copiedFrom);
}
