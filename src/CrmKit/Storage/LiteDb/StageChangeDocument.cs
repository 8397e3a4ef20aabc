using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Maps <see cref="StageChange"/> to and from its stored document.</summary>
internal static class StageChangeDocument
{
    internal static BsonDocument ToBson(StageChange s) => new()
    {
        ["c"] = s.Customer.Value,
        ["f"] = s.From is { } f ? new BsonValue(f.Name) : BsonValue.Null,
        ["t"] = s.To.Name,
        ["at"] = Bson.Instant(s.At),
        ["r"] = s.Reason,
        ["a"] = s.Actor,
        ["mf"] = s.MergedFrom is { } m ? new BsonValue(m.Value) : BsonValue.Null,
    };

    internal static StageChange FromBson(BsonDocument d) =>
        new(new CustomerCode(d["c"].AsString),
            d["f"].IsNull ? (StageId?)null : new StageId(d["f"].AsString),
            new StageId(d["t"].AsString),
            Bson.ToInstant(d["at"]),
            d["r"].AsString,
            d["a"].AsString)
        {
            MergedFrom = d["mf"].IsNull ? (CustomerCode?)null : new CustomerCode(d["mf"].AsString),
        };
}
