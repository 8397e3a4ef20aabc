namespace CrmKit;

/// <summary>How an owner change came about.</summary>
public enum OwnerChangeKind
{
    /// <summary>An assignment rule chose the owner of a new customer, task or case.</summary>
    Routed,

    /// <summary>Someone took an unowned item from a queue for themselves.</summary>
    Claimed,

    /// <summary>A supervisor gave an item to an owner.</summary>
    Assigned,

    /// <summary>The item moved from one owner to another.</summary>
    Transferred,

    /// <summary>The item moved with the rest of a leaving owner's book.</summary>
    Reassigned,

    /// <summary>The customer's profile was updated with another owner.</summary>
    Updated,
}
