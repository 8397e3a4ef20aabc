using System.Globalization;

namespace CrmKit.PostgreSql;

/// <summary>
/// Built-in segment clauses as SQL on customer <c>c</c> and its value <c>v</c>, for the snapshot
/// scan's filter hint. Only what can be decided exactly from the row is pushed down, and a clause
/// is never made stricter than the engine's own test: the engine evaluates the filter again on
/// the rows returned. Recency is decided when the scan carries the evaluation instant, as bounds on
/// <c>last_purchase_at</c>; attribute comparisons other than text equality and numbers are left to
/// the engine.
/// </summary>
internal static class ScanFilter
{
    /// <summary>The conjunction of the clauses it can push down, or null; parameters are appended to <paramref name="args"/>.</summary>
    internal static string? Sql(SegmentFilter filter, DateTimeOffset? at, List<object?> args)
    {
        var parts = new List<string>();
        foreach (var clause in filter.Clauses)
            if ((clause.Kind == ClauseKind.RecencyDays ? Recency(clause, at, args) : Clause(clause, args)) is { } sql) parts.Add("(" + sql + ")");
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

    /// <summary>
    /// Whole days since the last purchase, <c>k</c>, compared with a whole number <c>N</c>: k ≥ N
    /// exactly when the last purchase is at or before <c>at - N days</c>. Stored instants are whole
    /// microseconds, so the bound is taken down to its microsecond and the comparison stays exact.
    /// </summary>
    private static string? Recency(SegmentClause c, DateTimeOffset? at, List<object?> args)
    {
        if (at is not { } now || !decimal.TryParse(c.Values[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var days)
            || days != decimal.Truncate(days) || Math.Abs(days) > 1_000_000)
            return null;
        var n = (long)days;
        if (Bound(now, n) is not { } atN || Bound(now, n + 1) is not { } atNext) return null;
        var condition = c.Operator switch
        {
            ClauseOperator.GreaterOrEqual => $"c.last_purchase_at <= {Param(args, atN)}",
            ClauseOperator.Greater => $"c.last_purchase_at <= {Param(args, atNext)}",
            ClauseOperator.LessOrEqual => $"c.last_purchase_at > {Param(args, atNext)}",
            ClauseOperator.Less => $"c.last_purchase_at > {Param(args, atN)}",
            ClauseOperator.Equal => $"c.last_purchase_at > {Param(args, atNext)} AND c.last_purchase_at <= {Param(args, atN)}",
            ClauseOperator.NotEqual => $"c.last_purchase_at > {Param(args, atN)} OR c.last_purchase_at <= {Param(args, atNext)}",
            _ => null,
        };
        return condition is null ? null : $"c.last_purchase_at IS NOT NULL AND ({condition})";
    }

    /// <summary><paramref name="now"/> less <paramref name="days"/> days, in UTC, down to the microsecond; null outside the calendar.</summary>
    private static DateTime? Bound(DateTimeOffset now, long days)
    {
        var ticks = (decimal)now.UtcTicks - (decimal)days * TimeSpan.TicksPerDay;
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks) return null;
        var whole = (long)ticks;
        return new DateTime(whole - whole % 10, DateTimeKind.Utc);
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
