namespace CrmKit.Storage;

/// <summary>
/// Who a customer is across systems: the identity map (source system and identifier → customer
/// code), where each current value came from, the values kept aside by merges and disagreeing
/// feeds, the merge history, and the duplicate review list. Every write here happens inside a
/// unit of work with the customer writes it belongs to.
/// </summary>
public interface IIdentityStore
{
    /// <summary>The identity-map entry for <paramref name="system"/> and <paramref name="id"/> (ordinal), or null.</summary>
    ValueTask<SourceIdentity?> FindSourceAsync(string system, string id, CancellationToken cancellationToken);

    /// <summary>Every identity-map entry pointing at exactly <paramref name="customer"/>, ordered by system, then id (ordinal).</summary>
    ValueTask<IReadOnlyList<SourceIdentity>> SourcesOfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>Stores an identity-map entry, replacing the one with the same system and id.</summary>
    ValueTask PutSourceAsync(SourceIdentity identity, CancellationToken cancellationToken);

    /// <summary>One page of the identity map, only <paramref name="system"/>'s entries when given, ordered by system, then id (ordinal).</summary>
    ValueTask<Page<SourceIdentity>> SourcesAsync(string? system, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Where each of exactly <paramref name="customer"/>'s sourced fields came from, ordered by field (ordinal).</summary>
    ValueTask<IReadOnlyList<ValueSource>> ValueSourcesOfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>Records where a field's current value came from, replacing the customer's previous source for that field.</summary>
    ValueTask PutValueSourceAsync(ValueSource source, CancellationToken cancellationToken);

    /// <summary>Keeps a value aside (append-only).</summary>
    ValueTask KeepAsync(KeptValue value, CancellationToken cancellationToken);

    /// <summary>The values kept for exactly <paramref name="customer"/>, in the order they were kept.</summary>
    ValueTask<IReadOnlyList<KeptValue>> KeptOfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>
    /// A merge: moves <paramref name="from"/>'s identity-map entries and kept values to
    /// <paramref name="to"/> (a kept value without <see cref="KeptValue.MergedFrom"/> gets
    /// <paramref name="from"/>, and keeps its place in the order), and forgets <paramref name="from"/>'s
    /// value sources. Returns how many identity-map entries moved.
    /// </summary>
    ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken);

    /// <summary>Appends a merge to the merge history.</summary>
    ValueTask AppendMergeAsync(MergeRecord merge, CancellationToken cancellationToken);

    /// <summary>The merges whose survivor is one of <paramref name="survivors"/>, in the order they happened.</summary>
    ValueTask<IReadOnlyList<MergeRecord>> MergesIntoAsync(IReadOnlyCollection<CustomerCode> survivors, CancellationToken cancellationToken);

    /// <summary>The review-list entry for the pair (in either order), or null.</summary>
    ValueTask<DuplicateMatch?> FindMatchAsync(CustomerCode first, CustomerCode second, CancellationToken cancellationToken);

    /// <summary>Stores a review-list entry under its pair, replacing the one stored for the same pair.</summary>
    ValueTask PutMatchAsync(DuplicateMatch match, CancellationToken cancellationToken);

    /// <summary>Removes the review-list entry of a pair (in either order); false when there was none.</summary>
    ValueTask<bool> RemoveMatchAsync(CustomerCode first, CustomerCode second, CancellationToken cancellationToken);

    /// <summary>Every review-list entry that names <paramref name="customer"/>, or every entry when null, ordered by first, then second code (ordinal).</summary>
    ValueTask<IReadOnlyList<DuplicateMatch>> MatchesAsync(CustomerCode? customer, CancellationToken cancellationToken);
}
