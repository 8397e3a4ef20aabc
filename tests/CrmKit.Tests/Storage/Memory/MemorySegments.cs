using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

internal sealed class MemorySegments(MemorySession session) : ISegmentStore
{
    private MemoryState State => session.State;

    public ValueTask<StoredSegment?> FindAsync(string name, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Segments.GetValueOrDefault(name));
    }

    public ValueTask<IReadOnlyList<StoredSegment>> AllAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<StoredSegment>>(State.Segments.Values.ToArray());
    }

    public ValueTask PutAsync(SegmentDefinition definition, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var refreshes = State.Segments.TryGetValue(definition.Name, out var existing) ? existing.Refreshes : 0;
        State.Segments[definition.Name] = new StoredSegment(definition, refreshes, null, null);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (!State.Segments.Remove(name)) return ValueTask.FromResult(false);
        foreach (var key in State.Members.Keys.Where(k => k.Segment == name).ToArray()) State.Members.Remove(key);
        State.Events.RemoveAll(e => e.Segment == name);
        return ValueTask.FromResult(true);
    }

    public ValueTask<IReadOnlySet<CustomerCode>> MemberCodesAsync(string segment, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlySet<CustomerCode>>(State.Members.Values.Where(m => m.Segment == segment).Select(m => m.Customer).ToHashSet());
    }

    public ValueTask<SegmentMembership?> MembershipAsync(string segment, CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Members.GetValueOrDefault((segment, customer.Value)));
    }

    public ValueTask<Page<SegmentMembership>> MembersAsync(string segment, PageRequest page, CancellationToken cancellationToken)
    {
        session.Check();
        var all = State.Members.Values.Where(m => m.Segment == segment).Skip(page.Offset).Take(page.Size + 1).ToArray();
        return ValueTask.FromResult(new Page<SegmentMembership>(all.Take(page.Size).ToArray(), page.Offset, all.Length > page.Size));
    }

    public ValueTask<int> CountMembersAsync(string segment, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Members.Values.Count(m => m.Segment == segment));
    }

    public ValueTask<IReadOnlyList<SegmentMembership>> OfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<SegmentMembership>>(State.Members.Values.Where(m => m.Customer == customer).ToArray());
    }

    public ValueTask<IReadOnlyList<SegmentEvent>> EventsAsync(string segment, CustomerCode? customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<SegmentEvent>>(State.Events.Where(e => e.Segment == segment && (customer is null || e.Customer == customer)).ToArray());
    }

    public IAsyncEnumerable<IReadOnlyList<SegmentEvent>> ScanEventsAsync(string segment, CancellationToken cancellationToken)
    {
        session.Check();
        return MemoryChunks.Of(State.Events.Where(e => e.Segment == segment).ToArray(), cancellationToken);
    }

    public ValueTask RecordRefreshAsync(SegmentRefreshRecord refresh, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var segment = State.Segments.GetValueOrDefault(refresh.Segment) ?? throw new SegmentNotFoundException(refresh.Segment);
        foreach (var e in refresh.Events)
        {
            if (e.Entered) State.Members.Add((e.Segment, e.Customer.Value), new SegmentMembership(e.Segment, e.Customer, e.At, e.Refresh));
            else State.Members.Remove((e.Segment, e.Customer.Value));
            State.Events.Add(e);
        }
        State.Segments[refresh.Segment] = segment with { Refreshes = refresh.Refresh, RefreshedThrough = refresh.Through, RefreshedAt = refresh.At };
        return ValueTask.CompletedTask;
    }
}
