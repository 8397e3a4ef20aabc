using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Maps segment definitions, memberships and events to and from their stored documents.</summary>
internal static class SegmentDocument
{
    internal static BsonDocument ToBson(SegmentDefinition s) => new()
    {
        ["_id"] = s.Name,
        ["d"] = s.Description,
        ["f"] = s.Filter is null ? BsonValue.Null : new BsonArray(s.Filter.Clauses.Select(Clause)),
        ["s"] = Bson.Text(s.Script),
        ["p"] = Bson.Map(s.Parameters),
        ["rn"] = 0L,
        ["rs"] = -1L,
    };

    internal static SegmentDefinition FromBson(BsonDocument d)
    {
        var parameters = Bson.ToMap(d["p"]);
        return d["f"].IsNull
            ? new SegmentDefinition(d["_id"].AsString, d["d"].AsString, d["s"].AsString) { Parameters = parameters }
            : new SegmentDefinition(d["_id"].AsString, d["d"].AsString, new SegmentFilter(d["f"].AsArray.Select(c => ToClause(c.AsDocument)))) { Parameters = parameters };
    }

    internal static string MemberId(string segment, string code) => segment + "\u001f" + code;

    internal static BsonDocument Member(string segment, string code, DateTimeOffset since, long refresh) => new()
    {
        ["_id"] = MemberId(segment, code),
        ["seg"] = segment,
        ["c"] = code,
        ["at"] = Bson.Instant(since),
        ["r"] = refresh,
    };

    internal static SegmentMembership ToMembership(BsonDocument d) =>
        new(d["seg"].AsString, new CustomerCode(d["c"].AsString), Bson.ToInstant(d["at"]), d["r"].AsInt64);

    internal static BsonDocument Event(string segment, string code, bool entered, DateTimeOffset at, long refresh) => new()
    {
        ["seg"] = segment,
        ["c"] = code,
        ["in"] = entered,
        ["at"] = Bson.Instant(at),
        ["r"] = refresh,
    };

    internal static SegmentEvent ToEvent(BsonDocument d) =>
        new(d["seg"].AsString, new CustomerCode(d["c"].AsString), d["in"].AsBoolean, Bson.ToInstant(d["at"]), d["r"].AsInt64);

    private static BsonDocument Clause(SegmentClause c) => new()
    {
        ["k"] = (int)c.Kind,
        ["o"] = (int)c.Operator,
        ["a"] = Bson.Text(c.Attribute),
        ["t"] = c.AttributeType is { } t ? (int)t : BsonValue.Null,
        ["v"] = Bson.Strings(c.Values),
    };

    private static SegmentClause ToClause(BsonDocument d) => new(
        (ClauseKind)d["k"].AsInt32,
        (ClauseOperator)d["o"].AsInt32,
        Bson.ToText(d["a"]),
        d["t"].IsNull ? null : (AttributeType)d["t"].AsInt32,
        Bson.ToStrings(d["v"]));
}
