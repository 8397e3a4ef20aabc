namespace CrmKit.Storage;

/// <summary>Which cases a <see cref="ICaseStore.ListAsync"/> reads: every condition given must hold.</summary>
public sealed record CaseQuery
{
    /// <summary>Every case.</summary>
    public static CaseQuery All { get; } = new();

    /// <summary>Only the cases of this customer.</summary>
    public CustomerCode? Customer { get; init; }

    /// <summary>Only the cases this owner holds.</summary>
    public string? Owner { get; init; }

    /// <summary>Only cases not yet resolved or closed.</summary>
    public bool ActiveOnly { get; init; }
}
