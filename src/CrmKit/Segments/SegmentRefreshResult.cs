namespace CrmKit;

/// <summary>What one segment refresh did.</summary>
/// <param name="Segment">The segment's name.</param>
/// <param name="Refresh">The refresh's number for this segment.</param>
/// <param name="Evaluated">How many customers were evaluated.</param>
/// <param name="Members">How many members the segment has afterwards.</param>
/// <param name="Entered">How many customers entered.</param>
/// <param name="Left">How many customers left.</param>
/// <param name="Incremental">True when only customers changed since the previous refresh were evaluated.</param>
public sealed record SegmentRefreshResult(string Segment, long Refresh, int Evaluated, int Members, int Entered, int Left, bool Incremental)
{
    /// <summary>Customers the rule failed for, in code order; each kept its stored membership and the refresh went on.</summary>
    public IReadOnlyList<EvaluationFailure> Failures { get; init; } = [];
}
