namespace CrmKit.Storage;

/// <summary>Segment definitions, their stored members and the entered/left events.</summary>
public interface ISegmentStore
{
    /// <summary>The segment named <paramref name="name"/>, or null.</summary>
    ValueTask<StoredSegment?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every segment, in name order (ordinal).</summary>
    ValueTask<IReadOnlyList<StoredSegment>> AllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores or replaces a definition. A replaced segment keeps its refresh count and members but
    /// forgets the sequence it was refreshed through, so its next refresh is a full one.
    /// </summary>
    ValueTask PutAsync(SegmentDefinition definition, CancellationToken cancellationToken);

    /// <summary>Removes a segment with its members and events; false when there was none.</summary>
    ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken);

    /// <summary>The codes of every member of a segment.</summary>
    ValueTask<IReadOnlySet<CustomerCode>> MemberCodesAsync(string segment, CancellationToken cancellationToken);

    /// <summary>A customer's membership of a segment, or null when not a member.</summary>
    ValueTask<SegmentMembership?> MembershipAsync(string segment, CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>One page of a segment's members, in code order (ordinal).</summary>
    ValueTask<Page<SegmentMembership>> MembersAsync(string segment, PageRequest page, CancellationToken cancellationToken);

    /// <summary>How many members a segment has.</summary>
    ValueTask<int> CountMembersAsync(string segment, CancellationToken cancellationToken);

    /// <summary>Every segment a stored code is a member of.</summary>
    ValueTask<IReadOnlyList<SegmentMembership>> OfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>A segment's events in recording order; only one customer's when <paramref name="customer"/> is given.</summary>
    ValueTask<IReadOnlyList<SegmentEvent>> EventsAsync(string segment, CustomerCode? customer, CancellationToken cancellationToken);

    /// <summary>
    /// Streams every event of a segment in chunks, in no particular order: what reports replay the
    /// segment's size over time from, without holding all its events at once.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<SegmentEvent>> ScanEventsAsync(string segment, CancellationToken cancellationToken);

    /// <summary>
    /// Records one refresh: applies its events to the stored members (an entered customer becomes a
    /// member since the event, a customer who left stops being one), appends the events, and marks the
    /// segment refreshed.
    /// </summary>
    ValueTask RecordRefreshAsync(SegmentRefreshRecord refresh, CancellationToken cancellationToken);

    /// <summary>
    /// The memberships of many stored codes at once; codes that are members of nothing are left out.
    /// Refreshes and sweeps whose rules read other segments call it once per chunk of customers; by
    /// default each code is asked with <see cref="OfAsync"/>.
    /// </summary>
    ValueTask<IReadOnlyDictionary<CustomerCode, IReadOnlyList<SegmentMembership>>> OfManyAsync(IReadOnlyCollection<CustomerCode> customers, CancellationToken cancellationToken) =>
        PerCustomerDefaults.ManyAsync(customers, c => OfAsync(c, cancellationToken));
}
