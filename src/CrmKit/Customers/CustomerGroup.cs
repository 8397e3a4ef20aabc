namespace CrmKit;

/// <summary>The household or company a customer buys with.</summary>
public enum CustomerGroupKind
{
    /// <summary>People who live and buy together.</summary>
    Household,

    /// <summary>An organisation whose staff buy on its behalf.</summary>
    Company,
}

/// <summary>The optional group (household or company) a customer belongs to.</summary>
/// <param name="Kind">Household or company.</param>
/// <param name="Id">The group's identifier, shared by its members.</param>
public sealed record CustomerGroup(CustomerGroupKind Kind, string Id)
{
    internal void Check() => Require.Name(Id, "group.id");
}
