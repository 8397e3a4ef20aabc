using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Maps <see cref="CustomerStats"/> to and from the sub-document kept inside its customer's
/// document (see <see cref="LiteStore.SetStats(BsonDocument, CustomerStats)"/>), in the compact form: zero counts, empty maps and
/// missing instants are left out, instants are single values (<see cref="Bson.Moment"/>), and the
/// last purchase and last contact, which are nearly always the latest interaction of one kind, are
/// stored as that kind's name rather than a second copy of the instant.
/// </summary>
internal static class StatsDocument
{
    internal static BsonDocument? ToBson(CustomerStats s)
    {
        if (s.InteractionCount == 0 && s.Equals(CustomerStats.Empty)) return null;
        var doc = new BsonDocument();
        if (s.InteractionCount != 0) doc["n"] = s.InteractionCount;
        if (s.PurchaseCount != 0) doc["p"] = s.PurchaseCount;
        if (s.MonetaryTotal != 0m) doc["m"] = s.MonetaryTotal;
        Bson.PutMoment(doc, "fp", s.FirstPurchaseAt);
        PutLatest(doc, "lp", s.LastPurchaseAt, s.LastByKind);
        PutLatest(doc, "lc", s.LastContactAt, s.LastByKind);
        if (s.CountsByKind.Count > 0) doc["bk"] = Counts(s.CountsByKind);
        if (s.CountsByChannel.Count > 0) doc["bc"] = Counts(s.CountsByChannel);
        if (s.LastByKind.Count > 0)
        {
            var last = new BsonDocument();
            foreach (var (k, at) in s.LastByKind) last[k] = Bson.Moment(at);
            doc["lk"] = last;
        }
        return doc;
    }

    internal static CustomerStats FromBson(BsonDocument? d)
    {
        if (d is null) return CustomerStats.Empty;
        var lastByKind = d.TryGetValue("lk", out var lk) ? ToLastByKind(lk, Bson.ToMoment) : SortedFigures<DateTimeOffset>.Empty;
        return new()
        {
            InteractionCount = d.TryGetValue("n", out var n) ? n.AsInt32 : 0,
            PurchaseCount = d.TryGetValue("p", out var p) ? p.AsInt32 : 0,
            MonetaryTotal = d.TryGetValue("m", out var m) ? m.AsDecimal : 0m,
            FirstPurchaseAt = Bson.OptionalMoment(d, "fp"),
            LastPurchaseAt = Latest(d, "lp", lastByKind),
            LastContactAt = Latest(d, "lc", lastByKind),
            CountsByKind = d.TryGetValue("bk", out var bk) ? ToCounts(bk) : SortedFigures<int>.Empty,
            CountsByChannel = d.TryGetValue("bc", out var bc) ? ToCounts(bc) : SortedFigures<int>.Empty,
            LastByKind = lastByKind,
        };
    }

    /// <summary>Stores an instant that equals (exactly, offset included) the latest of some kind as that kind's name.</summary>
    private static void PutLatest(BsonDocument doc, string field, DateTimeOffset? at, IReadOnlyDictionary<string, DateTimeOffset> lastByKind)
    {
        if (at is not { } value) return;
        foreach (var (kind, last) in lastByKind)
        {
            if (!last.EqualsExact(value)) continue;
            doc[field] = kind;
            return;
        }
        doc[field] = Bson.Moment(value);
    }

    private static DateTimeOffset? Latest(BsonDocument doc, string field, IReadOnlyDictionary<string, DateTimeOffset> lastByKind) =>
        !doc.TryGetValue(field, out var value) ? null : value.IsString ? lastByKind[value.AsString] : Bson.ToMoment(value);

    private static BsonDocument Counts(IReadOnlyDictionary<string, int> counts)
    {
        var doc = new BsonDocument();
        foreach (var (k, n) in counts) doc[k] = n;
        return doc;
    }

    /// <summary>Per-kind instants from a document of instants in the form <paramref name="read"/> decodes.</summary>
    internal static SortedFigures<DateTimeOffset> ToLastByKind(BsonValue value, Func<BsonValue, DateTimeOffset> read)
    {
        if (!value.IsDocument || value.AsDocument.Count == 0) return SortedFigures<DateTimeOffset>.Empty;
        var doc = value.AsDocument;
        var keys = new string[doc.Count];
        var instants = new DateTimeOffset[doc.Count];
        var i = 0;
        foreach (var (k, at) in doc)
        {
            keys[i] = k;
            instants[i++] = read(at);
        }
        return SortedFigures<DateTimeOffset>.From(keys, instants);
    }

    internal static SortedFigures<int> ToCounts(BsonValue value)
    {
        var doc = value.AsDocument;
        if (doc.Count == 0) return SortedFigures<int>.Empty;
        var keys = new string[doc.Count];
        var counts = new int[doc.Count];
        var i = 0;
        foreach (var (k, n) in doc)
        {
            keys[i] = k;
            counts[i++] = n.AsInt32;
        }
        return SortedFigures<int>.From(keys, counts);
    }
}
