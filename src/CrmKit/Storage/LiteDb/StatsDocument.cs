using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Maps <see cref="CustomerStats"/> to and from the sub-document kept inside its customer's
/// document (see <see cref="LiteStore.SetStats"/>).
/// </summary>
internal static class StatsDocument
{
    internal static BsonDocument ToBson(CustomerStats s) => new()
    {
        ["n"] = s.InteractionCount,
        ["p"] = s.PurchaseCount,
        ["m"] = s.MonetaryTotal,
        ["fp"] = Bson.Instant(s.FirstPurchaseAt),
        ["lp"] = Bson.Instant(s.LastPurchaseAt),
        ["lc"] = Bson.Instant(s.LastContactAt),
        ["bk"] = Counts(s.CountsByKind),
        ["bc"] = Counts(s.CountsByChannel),
        ["lk"] = LastByKind(s.LastByKind),
    };

    internal static CustomerStats FromBson(BsonDocument? d) => d is null ? CustomerStats.Empty : new()
    {
        InteractionCount = d["n"].AsInt32,
        PurchaseCount = d["p"].AsInt32,
        MonetaryTotal = d["m"].AsDecimal,
        FirstPurchaseAt = Bson.ToOptionalInstant(d["fp"]),
        LastPurchaseAt = Bson.ToOptionalInstant(d["lp"]),
        LastContactAt = Bson.ToOptionalInstant(d["lc"]),
        CountsByKind = ToCounts(d["bk"]),
        CountsByChannel = ToCounts(d["bc"]),
        LastByKind = ToLastByKind(d["lk"]),
    };

    private static BsonDocument LastByKind(IReadOnlyDictionary<string, DateTimeOffset> last)
    {
        var doc = new BsonDocument();
        foreach (var (k, at) in last) doc[k] = Bson.Instant(at);
        return doc;
    }

    // Files written before the per-kind instants were kept have no "lk"; a stats rebuild fills it.
    private static SortedFigures<DateTimeOffset> ToLastByKind(BsonValue value)
    {
        if (!value.IsDocument || value.AsDocument.Count == 0) return SortedFigures<DateTimeOffset>.Empty;
        var doc = value.AsDocument;
        var keys = new string[doc.Count];
        var instants = new DateTimeOffset[doc.Count];
        var i = 0;
        foreach (var (k, at) in doc)
        {
            keys[i] = k;
            instants[i++] = Bson.ToInstant(at);
        }
        return SortedFigures<DateTimeOffset>.From(keys, instants);
    }

    private static BsonDocument Counts(IReadOnlyDictionary<string, int> counts)
    {
        var doc = new BsonDocument();
        foreach (var (k, n) in counts) doc[k] = n;
        return doc;
    }

    private static SortedFigures<int> ToCounts(BsonValue value)
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
