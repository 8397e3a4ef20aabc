namespace CrmKit;

/// <summary>What a segment rule would select now, without storing anything.</summary>
/// <param name="Evaluated">How many customers were evaluated.</param>
/// <param name="Count">How many matched.</param>
/// <param name="Sample">The first matching customers in code order, at most the sample size asked for.</param>
/// <param name="Elapsed">How long the evaluation took.</param>
public sealed record SegmentPreview(int Evaluated, int Count, IReadOnlyList<CustomerCode> Sample, TimeSpan Elapsed)
{
    /// <summary>Customers the rule failed for, in code order (their rule name is <c>preview</c>); they are not counted as matching.</summary>
    public IReadOnlyList<EvaluationFailure> Failures { get; init; } = [];
}
