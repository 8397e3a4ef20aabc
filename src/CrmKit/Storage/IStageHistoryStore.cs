namespace CrmKit.Storage;

/// <summary>Recorded stage changes, append-only.</summary>
public interface IStageHistoryStore
{
    /// <summary>Appends one change.</summary>
    ValueTask AppendAsync(StageChange change, CancellationToken cancellationToken);

    /// <summary>Appends many changes, in the order given; by default one at a time.</summary>
    async ValueTask AppendManyAsync(IReadOnlyList<StageChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await AppendAsync(change, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every change recorded for a stored code, in recording order.</summary>
    ValueTask<IReadOnlyList<StageChange>> OfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the changes whose <see cref="StageChange.At"/> lies in [<paramref name="from"/>,
    /// <paramref name="to"/>), in chunks, in recording order: what reports count flows between stages from.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<StageChange>> ScanAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Moves every change of <paramref name="from"/> to <paramref name="to"/> (a merge); a change
    /// without <see cref="StageChange.MergedFrom"/> gets <paramref name="from"/>. Returns how many moved.
    /// </summary>
    ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken);
}
