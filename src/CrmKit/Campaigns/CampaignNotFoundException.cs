namespace CrmKit;

/// <summary>No campaign (or template) has the id or name looked up.</summary>
public sealed class CampaignNotFoundException : CrmNotFoundException
{
    /// <summary>Creates the exception for <paramref name="id"/>; <paramref name="what"/> is <c>campaign</c> or <c>template</c>.</summary>
    public CampaignNotFoundException(string id, string what = "campaign")
        : base($"No {what} is named '{id}'.") => Id = id;

    /// <summary>The id or name that was looked up.</summary>
    public string Id { get; }
}
