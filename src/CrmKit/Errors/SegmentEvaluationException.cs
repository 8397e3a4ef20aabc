namespace CrmKit;

/// <summary>A segment's rule failed for one customer; the refresh it was part of wrote nothing.</summary>
public sealed class SegmentEvaluationException : CrmException
{
    /// <summary>Creates the exception for <paramref name="segment"/> and <paramref name="customer"/>.</summary>
    public SegmentEvaluationException(string segment, CustomerCode customer, Exception inner)
        : base($"Segment '{segment}' failed for customer '{customer}': {inner.Message}", inner)
    {
        Segment = segment;
        Customer = customer;
    }

    /// <summary>The segment's name.</summary>
    public string Segment { get; }

    /// <summary>The customer the rule failed for.</summary>
    public CustomerCode Customer { get; }
}
