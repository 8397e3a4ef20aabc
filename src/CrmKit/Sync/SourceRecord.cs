namespace CrmKit;

/// <summary>
/// One customer record from a source system's feed, for <see cref="CustomerBook.Sync"/>: the
/// profile as the source sees it, the record's identifier in that system, and its lifecycle stage.
/// </summary>
/// <remarks>
/// Keyed by code (<see cref="SyncKey.Code"/>), <see cref="Profile"/>'s code names the customer.
/// Keyed by source identifier (<see cref="SyncKey.SourceId"/>), <see cref="SourceId"/> does, through
/// the identity map; the profile's code is then used only for a new customer, and may be left empty
/// (<c>default</c>) to have one made from the system and identifier.
/// </remarks>
public sealed record SourceRecord
{
    /// <summary>A record keyed by its customer code.</summary>
    /// <param name="profile">The customer as the source sees it: code, name and whatever fields it has.</param>
    public SourceRecord(Customer profile) => Profile = profile;

    /// <summary>A record keyed by its identifier in the feed's system.</summary>
    /// <param name="sourceId">The record's identifier in the source system.</param>
    /// <param name="profile">The customer as the source sees it; its code may be empty.</param>
    public SourceRecord(string sourceId, Customer profile)
    {
        SourceId = sourceId;
        Profile = profile;
    }

    /// <summary>The customer as the source sees it. Fields it leaves empty (null, or no entry) are left as they are.</summary>
    public Customer Profile { get; init; }

    /// <summary>The record's identifier in the feed's system; linked in the identity map when given.</summary>
    public string? SourceId { get; init; }

    /// <summary>The customer's lifecycle stage as the source has it; a change is recorded with the reason <c>imported</c>.</summary>
    public StageId? Stage { get; init; }
}
