namespace CrmKit.Storage;

/// <summary>Recorded grade changes and reviews, append-only.</summary>
public interface IGradeStore
{
    /// <summary>Appends one change or review.</summary>
    ValueTask AppendAsync(GradeChange change, CancellationToken cancellationToken);

    /// <summary>Every change of a stored code, in recording order.</summary>
    ValueTask<IReadOnlyList<GradeChange>> OfAsync(CustomerCode customer, CancellationToken cancellationToken);
}
