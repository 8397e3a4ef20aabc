using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Segments in the embedded store: definitions with their refresh bookkeeping, members keyed by segment and code, events by id.</summary>
internal sealed class LiteSegments(LiteSession session) : ISegmentStore
{
    private LiteStore Store => session.Store;

    public ValueTask<StoredSegment?> FindAsync(string name, CancellationToken cancellationToken) =>
        Completed.Value(Store.Segments.FindById(name) is { } doc ? ToStored(doc) : null);

    public ValueTask<IReadOnlyList<StoredSegment>> AllAsync(CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<StoredSegment>>(Store.Segments.FindAll().Select(ToStored)
            .OrderBy(s => s.Definition.Name, StringComparer.Ordinal).ToArray());

    public ValueTask PutAsync(SegmentDefinition definition, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var doc = SegmentDocument.ToBson(definition);
        if (Store.Segments.FindById(definition.Name) is { } existing) doc["rn"] = existing["rn"];
        Store.Segments.Upsert(doc);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (!Store.Segments.Delete(name)) return Completed.Value(false);
        Store.SegmentMembers.DeleteMany(Where.Eq("seg", name));
        Store.SegmentEvents.DeleteMany(Where.Eq("seg", name));
        return Completed.Value(true);
    }

    public ValueTask<IReadOnlySet<CustomerCode>> MemberCodesAsync(string segment, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlySet<CustomerCode>>(Store.SegmentMembers.Find(Where.Eq("seg", segment))
            .Select(d => new CustomerCode(d["c"].AsString)).ToHashSet());

    public ValueTask<SegmentMembership?> MembershipAsync(string segment, CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value(Store.SegmentMembers.FindById(SegmentDocument.MemberId(segment, customer.Value)) is { } doc ? SegmentDocument.ToMembership(doc) : null);

    public ValueTask<Page<SegmentMembership>> MembersAsync(string segment, PageRequest page, CancellationToken cancellationToken)
    {
        var docs = Store.SegmentMembers.Query().Where(Where.Eq("seg", segment)).OrderBy("_id")
            .Skip(page.Offset).Limit(page.Size + 1).ToList();
        return Completed.Value(new Page<SegmentMembership>(docs.Take(page.Size).Select(SegmentDocument.ToMembership).ToArray(), page.Offset, docs.Count > page.Size));
    }

    public ValueTask<int> CountMembersAsync(string segment, CancellationToken cancellationToken) =>
        Completed.Value(Store.SegmentMembers.Count(Where.Eq("seg", segment)));

    public ValueTask<IReadOnlyList<SegmentMembership>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<SegmentMembership>>(Store.SegmentMembers.Find(Where.Eq("c", customer.Value)).Select(SegmentDocument.ToMembership).ToArray());

    public ValueTask<IReadOnlyList<SegmentEvent>> EventsAsync(string segment, CustomerCode? customer, CancellationToken cancellationToken)
    {
        var query = customer is { } c ? Where.BothEq("seg", segment, "c", c.Value) : Where.Eq("seg", segment);
        return Completed.Value<IReadOnlyList<SegmentEvent>>(Store.SegmentEvents.Find(query).OrderBy(d => d["_id"].AsInt64).Select(SegmentDocument.ToEvent).ToArray());
    }

    public IAsyncEnumerable<IReadOnlyList<SegmentEvent>> ScanEventsAsync(string segment, CancellationToken cancellationToken) =>
        Completed.Chunks(Completed.InChunks(Store.SegmentEvents.Find(Where.Eq("seg", segment)).Select(SegmentDocument.ToEvent), LiteScan.MostPerChunk), cancellationToken);

    public ValueTask RecordRefreshAsync(SegmentRefreshRecord refresh, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var segment = Store.Segments.FindById(refresh.Segment) ?? throw new SegmentNotFoundException(refresh.Segment);
        var events = new List<BsonDocument>(refresh.Events.Count);
        foreach (var e in refresh.Events)
        {
            if (e.Entered) Store.SegmentMembers.Insert(SegmentDocument.Member(e.Segment, e.Customer.Value, e.At, e.Refresh));
            else Store.SegmentMembers.Delete(SegmentDocument.MemberId(e.Segment, e.Customer.Value));
            events.Add(SegmentDocument.Event(e.Segment, e.Customer.Value, e.Entered, e.At, e.Refresh));
        }
        if (events.Count > 0) Store.SegmentEvents.InsertBulk(events);
        segment["rn"] = refresh.Refresh;
        segment["rs"] = refresh.Through;
        segment["rAt"] = Bson.Instant(refresh.At);
        Store.Segments.Update(segment);
        return ValueTask.CompletedTask;
    }

    private static StoredSegment ToStored(BsonDocument doc)
    {
        var through = doc["rs"].AsInt64;
        return new StoredSegment(SegmentDocument.FromBson(doc), doc["rn"].AsInt64, through < 0 ? null : through,
            doc["rAt"].IsDocument ? Bson.ToInstant(doc["rAt"]) : null);
    }
}
