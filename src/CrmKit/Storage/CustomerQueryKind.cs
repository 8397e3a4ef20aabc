namespace CrmKit.Storage;

/// <summary>The tests a <see cref="CustomerQuery"/> can make; each is an index look-up in a store.</summary>
public enum CustomerQueryKind
{
    /// <summary>Every customer.</summary>
    All,

    /// <summary>Carries the tag.</summary>
    Tag,

    /// <summary>Is in the stage.</summary>
    Stage,

    /// <summary>Is owned by the owner.</summary>
    Owner,

    /// <summary>Has the attribute index key.</summary>
    AttributeKey,

    /// <summary>Carries a grade.</summary>
    Graded,
}
