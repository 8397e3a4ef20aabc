namespace CrmKit;

/// <summary>
/// A saved plan in the plan library: a campaign's plan kept under a name so new campaigns can be
/// copied from it (<see cref="Campaign.FromTemplate"/>). Immutable.
/// </summary>
public sealed record CampaignTemplate
{
    /// <summary>Creates a template.</summary>
    /// <param name="name">The template's name: lower-case letters, digits, '-', '_' or '.'.</param>
    /// <param name="plan">The plan it keeps.</param>
    /// <param name="description">What it is for.</param>
    /// <exception cref="CrmValidationException">The name or description is not acceptable.</exception>
    public CampaignTemplate(string name, CampaignPlan plan, string? description = null)
    {
        Name = Require.Identifier(name, "template.name");
        Plan = plan ?? throw new CrmValidationException("template.plan", "is required but was null.");
        Description = Require.OptionalText(description, "template.description");
    }

    /// <summary>The template's name.</summary>
    public string Name { get; }

    /// <summary>The plan it keeps.</summary>
    public CampaignPlan Plan { get; }

    /// <summary>What it is for.</summary>
    public string? Description { get; }
}
