using System.Globalization;

namespace CrmKit.PostgreSql;

/// <summary>
/// Built-in segment clauses as SQL on customer <c>c</c> and its value <c>v</c>, for the snapshot
/// scan's filter hint. Only what can be decided exactly from the row is pushed down, and a clause
/// is never made stricter than the engine's own test: the engine evaluates the filter again on
/// the rows returned. Recency needs the evaluation instant, which the hint does not carry, and
/// attribute comparisons other than text equality and numbers are left to the engine.
/// </summary>
internal static class ScanFilter
{
    /// <summary>The conjunction of the clauses it can push down, or null; parameters are appended to <paramref name="args"/>.</summary>
    internal static string? Sql(SegmentFilter filter, List<object?> args)
    {
        var parts = new List<string>();
        foreach (var clause in filter.Clauses)
            if (Clause(clause, args) is { } sql) parts.Add("(" + sql + ")");
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    private static string Param(List<object?> args, object? value)
    {
        args.Add(value);
        return "$" + args.Count.ToString(CultureInfo.InvariantCulture);
    }

    private static string? Clause(SegmentClause c, List<object?> args)
    {
        var inSet = c.Operator == ClauseOperator.In;
        if (c.Operator is not (ClauseOperator.In or ClauseOperator.NotIn) && c.Kind is ClauseKind.Stage or ClauseKind.Grade or ClauseKind.Owner or ClauseKind.Tag or ClauseKind.ValueTier)
            return null;
        switch (c.Kind)
        {
            case ClauseKind.Stage:
                return (inSet ? "" : "NOT ") + $"c.stage = ANY({Param(args, c.Values.ToArray())}::text[])";
            case ClauseKind.Grade:
            case ClauseKind.Owner:
            {
                var column = c.Kind == ClauseKind.Grade ? "c.grade" : "c.owner";
                var set = Param(args, c.Values.ToArray());
                return inSet ? $"{column} = ANY({set}::text[])" : $"{column} IS NULL OR NOT {column} = ANY({set}::text[])";
            }
            case ClauseKind.Tag:
                return (inSet ? "" : "NOT ") + $"c.tags && {Param(args, c.Values.ToArray())}::text[]";
            case ClauseKind.ValueTier:
                if (!inSet) return null;
                var tiers = Param(args, c.Values.ToArray());
                return $"v.tier_name = ANY({tiers}::text[]) OR (v.tier_name IS NULL AND c.attributes->'{SegmentClause.ValueTierAttribute}'->>'t' = 'Text' AND c.attributes->'{SegmentClause.ValueTierAttribute}'->>'v' = ANY({tiers}::text[]))";
            case ClauseKind.Frequency:
                return Compare("GREATEST(c.purchase_count - 1, 0)", c, args);
            case ClauseKind.Monetary:
                return Compare("c.monetary_total", c, args);
            case ClauseKind.Attribute when c.AttributeType == AttributeType.Text && c.Operator == ClauseOperator.Equal:
                return $"c.attribute_keys @> ARRAY[{Param(args, AttributeIndex.Keys(c.Attribute!, AttributeValue.Text(c.Values[0])).Single())}::text]";
            case ClauseKind.Attribute when c.AttributeType is AttributeType.Integer or AttributeType.Decimal && Operator(c.Operator) is not null:
            {
                var name = Param(args, c.Attribute);
                return $"jsonb_typeof(c.attributes->{name}->'v') = 'number' AND " + Compare($"(c.attributes->{name}->>'v')::numeric", c, args);
            }
            default:
                return null;
        }
    }

    private static string? Compare(string expression, SegmentClause c, List<object?> args) =>
        Operator(c.Operator) is { } op && decimal.TryParse(c.Values[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? $"{expression} {op} {Param(args, value)}::numeric"
            : null;

    private static string? Operator(ClauseOperator op) => op switch
    {
        ClauseOperator.Equal => "=",
        ClauseOperator.NotEqual => "<>",
        ClauseOperator.Less => "<",
        ClauseOperator.LessOrEqual => "<=",
        ClauseOperator.Greater => ">",
        ClauseOperator.GreaterOrEqual => ">=",
        _ => null,
    };
}
