namespace CrmKit;

/// <summary>What a <see cref="SegmentClause"/> looks at.</summary>
public enum ClauseKind
{
    /// <summary>The lifecycle stage name.</summary>
    Stage,

    /// <summary>The tags.</summary>
    Tag,

    /// <summary>The grade.</summary>
    Grade,

    /// <summary>The owner (account manager).</summary>
    Owner,

    /// <summary>A custom attribute.</summary>
    Attribute,

    /// <summary>Whole days since the last purchase.</summary>
    RecencyDays,

    /// <summary>Repeat purchases (purchases after the first).</summary>
    Frequency,

    /// <summary>Sum of purchases less refunds.</summary>
    Monetary,

    /// <summary>The value tier held in the text attribute <c>value-tier</c>.</summary>
    ValueTier,
}
