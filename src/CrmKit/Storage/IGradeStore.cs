namespace CrmKit.Storage;

/// <summary>Recorded grade changes and reviews, append-only.</summary>
public interface IGradeStore
{
    /// <summary>Appends one change or review.</summary>
    ValueTask AppendAsync(GradeChange change, CancellationToken cancellationToken);

    /// <summary>Appends many changes or reviews, in the order given; by default one at a time.</summary>
    async ValueTask AppendManyAsync(IReadOnlyList<GradeChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await AppendAsync(change, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every change of a stored code, in recording order.</summary>
    ValueTask<IReadOnlyList<GradeChange>> OfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>
    /// Moves every change of <paramref name="from"/> to <paramref name="to"/> (a merge), keeping
    /// their place in the recording order; a change without <see cref="GradeChange.MergedFrom"/> gets
    /// <paramref name="from"/>. Returns how many moved.
    /// </summary>
    ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken);
}
