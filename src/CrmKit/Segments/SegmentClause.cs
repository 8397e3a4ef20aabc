using System.Globalization;

namespace CrmKit;

/// <summary>
/// One condition of a built-in <see cref="SegmentFilter"/>: what it looks at, how it compares and
/// with which values. Create clauses with the factory methods; each checks its input. Immutable.
/// </summary>
/// <remarks>
/// A clause on a value the customer does not have (no such attribute, no purchase yet for recency,
/// no grade or owner for <see cref="ClauseOperator.In"/>) does not hold. Values are kept as
/// invariant-culture text so a filter can be stored and read back unchanged.
/// </remarks>
public sealed record SegmentClause
{
    /// <summary>The text attribute a <see cref="ClauseKind.ValueTier"/> clause reads.</summary>
    public const string ValueTierAttribute = "value-tier";

    private readonly object[] _parsed;

    internal SegmentClause(ClauseKind kind, ClauseOperator op, string? attribute, AttributeType? attributeType, IReadOnlyList<string> values)
    {
        Kind = kind;
        Operator = op;
        Attribute = attribute;
        AttributeType = attributeType;
        Values = values.ToArray();
        _parsed = Check();
    }

    /// <summary>What the clause looks at.</summary>
    public ClauseKind Kind { get; }

    /// <summary>How it compares.</summary>
    public ClauseOperator Operator { get; }

    /// <summary>The attribute name for <see cref="ClauseKind.Attribute"/>; null otherwise.</summary>
    public string? Attribute { get; }

    /// <summary>The attribute type the value is compared as, for <see cref="ClauseKind.Attribute"/>.</summary>
    public AttributeType? AttributeType { get; }

    /// <summary>The values compared with, as invariant-culture text.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The customer is in one of <paramref name="stages"/>.</summary>
    public static SegmentClause StageIn(params StageId[] stages) => new(ClauseKind.Stage, ClauseOperator.In, null, null, stages.Select(s => s.Name).ToArray());

    /// <summary>The customer carries at least one of <paramref name="tags"/>.</summary>
    public static SegmentClause HasAnyTag(params string[] tags) => new(ClauseKind.Tag, ClauseOperator.In, null, null, tags);

    /// <summary>The customer carries none of <paramref name="tags"/>.</summary>
    public static SegmentClause HasNoTag(params string[] tags) => new(ClauseKind.Tag, ClauseOperator.NotIn, null, null, tags);

    /// <summary>The customer's grade is one of <paramref name="grades"/>.</summary>
    public static SegmentClause GradeIn(params string[] grades) => new(ClauseKind.Grade, ClauseOperator.In, null, null, grades);

    /// <summary>The customer's owner is one of <paramref name="owners"/>.</summary>
    public static SegmentClause OwnerIn(params string[] owners) => new(ClauseKind.Owner, ClauseOperator.In, null, null, owners);

    /// <summary>
    /// The customer's value tier is one of <paramref name="tiers"/>: the tier from the latest stored
    /// value fit (<see cref="Value.ValueBook.Fit"/>) when the customer has one, else the text
    /// attribute <c>value-tier</c>.
    /// </summary>
    public static SegmentClause ValueTierIn(params string[] tiers) => new(ClauseKind.ValueTier, ClauseOperator.In, null, null, tiers);

    /// <summary>Attribute <paramref name="name"/> compares to <paramref name="value"/> with <paramref name="op"/>.</summary>
    public static SegmentClause AttributeIs(string name, ClauseOperator op, AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Type == CrmKit.AttributeType.TextList
            ? throw new CrmValidationException("clause.value", "a list cannot be compared with; use Contains with a text value.")
            : AttributeIndex.Canonical(value.Raw);
        return new(ClauseKind.Attribute, op, name, value.Type, [text]);
    }

    /// <summary>Whole days since the last purchase compare to <paramref name="days"/>; never holds without a purchase.</summary>
    public static SegmentClause RecencyDays(ClauseOperator op, int days) => Number(ClauseKind.RecencyDays, op, days);

    /// <summary>Repeat purchases compare to <paramref name="count"/>.</summary>
    public static SegmentClause Frequency(ClauseOperator op, int count) => Number(ClauseKind.Frequency, op, count);

    /// <summary>The monetary total compares to <paramref name="amount"/>.</summary>
    public static SegmentClause Monetary(ClauseOperator op, decimal amount) => Number(ClauseKind.Monetary, op, amount);

    private static SegmentClause Number(ClauseKind kind, ClauseOperator op, decimal value) =>
        new(kind, op, null, null, [value.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>True when the clause holds for <paramref name="c"/> at <paramref name="now"/>.</summary>
    public bool Holds(CustomerSnapshot c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        var customer = c.Customer;
        return Kind switch
        {
            ClauseKind.Stage => InSet(customer.Stage.Name),
            ClauseKind.Grade => InSet(customer.Grade),
            ClauseKind.Owner => InSet(customer.Owner),
            ClauseKind.ValueTier => InSet(Tier(c)),
            ClauseKind.Tag => Operator == ClauseOperator.In
                ? customer.Tags.Any(t => Values.Contains(t, StringComparer.Ordinal))
                : !customer.Tags.Any(t => Values.Contains(t, StringComparer.Ordinal)),
            ClauseKind.RecencyDays => c.Stats.LastPurchaseAt is { } last && ClauseComparison.Compare(Operator, ClauseComparison.WholeDays(now - last), _parsed[0]),
            ClauseKind.Frequency => ClauseComparison.Compare(Operator, (decimal)c.Stats.Frequency, _parsed[0]),
            ClauseKind.Monetary => ClauseComparison.Compare(Operator, c.Stats.MonetaryTotal, _parsed[0]),
            ClauseKind.Attribute => customer.Attributes.TryGetValue(Attribute!, out var value) && ClauseComparison.Attribute(Operator, value, _parsed[0]),
            _ => false,
        };
    }

    /// <summary>What the customer has for the value this clause looks at, in words.</summary>
    public string Observed(CustomerSnapshot c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        var customer = c.Customer;
        return Kind switch
        {
            ClauseKind.Stage => $"stage is '{customer.Stage}'",
            ClauseKind.Grade => customer.Grade is null ? "no grade" : $"grade is '{customer.Grade}'",
            ClauseKind.Owner => customer.Owner is null ? "no owner" : $"owner is '{customer.Owner}'",
            ClauseKind.ValueTier => Tier(c) is { } tier ? $"value tier is '{tier}'" : "no value tier",
            ClauseKind.Tag => customer.Tags.Count == 0 ? "no tags" : "tags are " + string.Join(", ", customer.Tags),
            ClauseKind.RecencyDays => c.Stats.LastPurchaseAt is { } last
                ? string.Create(CultureInfo.InvariantCulture, $"{ClauseComparison.WholeDays(now - last)} days since the last purchase")
                : "no purchase yet",
            ClauseKind.Frequency => string.Create(CultureInfo.InvariantCulture, $"{c.Stats.Frequency} repeat purchases"),
            ClauseKind.Monetary => string.Create(CultureInfo.InvariantCulture, $"monetary total {c.Stats.MonetaryTotal}"),
            ClauseKind.Attribute => customer.Attributes.TryGetValue(Attribute!, out var value) ? $"{Attribute} is {value}" : $"no {Attribute}",
            _ => "",
        };
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var subject = Kind switch
        {
            ClauseKind.Attribute => Attribute!,
            ClauseKind.RecencyDays => "days since last purchase",
            ClauseKind.Frequency => "repeat purchases",
            ClauseKind.Monetary => "monetary total",
            ClauseKind.ValueTier => "value tier",
            _ => Kind.ToString().ToLowerInvariant(),
        };
        var op = Operator switch
        {
            ClauseOperator.In => Kind == ClauseKind.Tag ? "has any of" : "in",
            ClauseOperator.NotIn => Kind == ClauseKind.Tag ? "has none of" : "not in",
            ClauseOperator.Equal => "=",
            ClauseOperator.NotEqual => "≠",
            ClauseOperator.Less => "<",
            ClauseOperator.LessOrEqual => "≤",
            ClauseOperator.Greater => ">",
            ClauseOperator.GreaterOrEqual => "≥",
            _ => "contains",
        };
        return $"{subject} {op} {string.Join(", ", Values)}";
    }

    /// <summary>Compares kind, operator, attribute and values.</summary>
    public bool Equals(SegmentClause? other) =>
        other is not null && other.Kind == Kind && other.Operator == Operator && other.Attribute == Attribute
        && other.AttributeType == AttributeType && other.Values.SequenceEqual(Values, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Operator, Attribute, Values.Count);

    /// <summary>The tier from the latest stored value fit, else the text attribute <c>value-tier</c>.</summary>
    private static string? Tier(CustomerSnapshot c) =>
        c.Value?.Tier.Name
        ?? (c.Customer.Attributes.TryGetValue(ValueTierAttribute, out var v) && v.Type == CrmKit.AttributeType.Text ? v.AsText() : null);

    private bool InSet(string? value) => Operator == ClauseOperator.In
        ? value is not null && Values.Contains(value, StringComparer.Ordinal)
        : value is null || !Values.Contains(value, StringComparer.Ordinal);

    private object[] Check()
    {
        if (!Enum.IsDefined(Kind)) throw new CrmValidationException("clause.kind", $"{(int)Kind} is not a clause kind.");
        if (!Enum.IsDefined(Operator)) throw new CrmValidationException("clause.operator", $"{(int)Operator} is not an operator.");
        if (Values.Count == 0) throw new CrmValidationException("clause.values", $"a {Kind} clause needs at least one value.");
        for (var i = 0; i < Values.Count; i++) Require.Name(Values[i], $"clause.values[{i}]", Require.MaxTextLength);
        var set = Kind is ClauseKind.Stage or ClauseKind.Tag or ClauseKind.Grade or ClauseKind.Owner or ClauseKind.ValueTier;
        if (set)
        {
            if (Operator is not (ClauseOperator.In or ClauseOperator.NotIn))
                throw new CrmValidationException("clause.operator", $"a {Kind} clause takes In or NotIn, not {Operator}.");
            return [];
        }
        if (Values.Count != 1) throw new CrmValidationException("clause.values", $"a {Kind} clause compares with exactly one value.");
        if (Operator is ClauseOperator.In or ClauseOperator.NotIn)
            throw new CrmValidationException("clause.operator", $"a {Kind} clause compares; {Operator} is for stages, tags, grades, owners and tiers.");
        if (Kind != ClauseKind.Attribute)
        {
            if (Operator == ClauseOperator.Contains) throw new CrmValidationException("clause.operator", $"a {Kind} clause cannot use Contains.");
            return decimal.TryParse(Values[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? [number]
                : throw new CrmValidationException("clause.values[0]", $"'{Values[0]}' is not a number.");
        }
        Require.Name(Attribute, "clause.attribute");
        if (AttributeType is not { } type || !Enum.IsDefined(type)) throw new CrmValidationException("clause.attributeType", "is required for an attribute clause.");
        return [ClauseComparison.Parse(type, Values[0])];
    }
}
