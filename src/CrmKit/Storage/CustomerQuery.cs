namespace CrmKit.Storage;

/// <summary>Which customers a <see cref="ICustomerStore.QueryAsync"/> selects; results are always in code order (ordinal).</summary>
public sealed record CustomerQuery
{
    private CustomerQuery(CustomerQueryKind kind, string? value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>What the query tests.</summary>
    public CustomerQueryKind Kind { get; }

    /// <summary>The tag, stage name, owner or attribute index key tested; null for <see cref="CustomerQueryKind.All"/> and <see cref="CustomerQueryKind.Graded"/>.</summary>
    public string? Value { get; }

    /// <summary>Every customer.</summary>
    public static CustomerQuery All { get; } = new(CustomerQueryKind.All, null);

    /// <summary>Customers that carry a grade.</summary>
    public static CustomerQuery Graded { get; } = new(CustomerQueryKind.Graded, null);

    /// <summary>Customers carrying <paramref name="tag"/>.</summary>
    public static CustomerQuery WithTag(string tag) => new(CustomerQueryKind.Tag, tag);

    /// <summary>Customers in <paramref name="stage"/>.</summary>
    public static CustomerQuery InStage(StageId stage) => new(CustomerQueryKind.Stage, stage.Name);

    /// <summary>Customers whose owner is <paramref name="owner"/>.</summary>
    public static CustomerQuery OwnedBy(string owner) => new(CustomerQueryKind.Owner, owner);

    /// <summary>Customers one of whose <see cref="AttributeIndex.Keys(Customer)"/> is <paramref name="key"/>.</summary>
    public static CustomerQuery WithAttributeKey(string key) => new(CustomerQueryKind.AttributeKey, key);
}
