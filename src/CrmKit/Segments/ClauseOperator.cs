namespace CrmKit;

/// <summary>How a <see cref="SegmentClause"/> compares.</summary>
public enum ClauseOperator
{
    /// <summary>The value is one of the given values (for tags: the customer has at least one of them).</summary>
    In,

    /// <summary>The value is none of the given values (for tags: the customer has none of them).</summary>
    NotIn,

    /// <summary>Equal.</summary>
    Equal,

    /// <summary>Not equal.</summary>
    NotEqual,

    /// <summary>Less than.</summary>
    Less,

    /// <summary>Less than or equal.</summary>
    LessOrEqual,

    /// <summary>Greater than.</summary>
    Greater,

    /// <summary>Greater than or equal.</summary>
    GreaterOrEqual,

    /// <summary>A text-list attribute contains the value.</summary>
    Contains,
}
