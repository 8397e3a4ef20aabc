namespace CrmKit;

/// <summary>
/// A built-in segment rule: customers for whom every clause holds (an empty filter selects
/// everyone). Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var filter = new SegmentFilter(
///     SegmentClause.StageIn("growing", "mature"),
///     SegmentClause.HasAnyTag("vip"),
///     SegmentClause.RecencyDays(ClauseOperator.LessOrEqual, 90));
/// </code>
/// </example>
public sealed class SegmentFilter : ISegmentPredicate
{
    /// <summary>Creates a filter from its clauses, all of which must hold.</summary>
    /// <exception cref="CrmValidationException">A clause is null.</exception>
    public SegmentFilter(params IEnumerable<SegmentClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        Clauses = clauses.ToArray();
        for (var i = 0; i < Clauses.Count; i++)
            if (Clauses[i] is null) throw new CrmValidationException($"clauses[{i}]", "is null.");
    }

    /// <summary>The clauses, all of which must hold.</summary>
    public IReadOnlyList<SegmentClause> Clauses { get; }

    /// <inheritdoc/>
    public bool Matches(CustomerSnapshot customer, DateTimeOffset now)
    {
        foreach (var clause in Clauses)
            if (!clause.Holds(customer, now)) return false;
        return true;
    }

    /// <summary>Each clause with whether it held and what the customer has.</summary>
    public IReadOnlyList<ClauseResult> Explain(CustomerSnapshot customer, DateTimeOffset now) =>
        Clauses.Select(c => new ClauseResult(c.ToString(), c.Holds(customer, now), c.Observed(customer, now))).ToArray();

    /// <inheritdoc/>
    public override string ToString() => Clauses.Count == 0 ? "everyone" : string.Join(" and ", Clauses);
}
