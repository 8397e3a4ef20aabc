namespace CrmKit;

/// <summary>The type of a custom customer attribute, declared in an <see cref="AttributeSchema"/>.</summary>
public enum AttributeType
{
    /// <summary>Unicode text.</summary>
    Text,

    /// <summary>A 64-bit whole number.</summary>
    Integer,

    /// <summary>A decimal number, stored without loss of precision.</summary>
    Decimal,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A calendar date without time of day.</summary>
    Date,

    /// <summary>An instant with its UTC offset, stored to the tick.</summary>
    Instant,

    /// <summary>A list of Unicode strings.</summary>
    TextList,
}
