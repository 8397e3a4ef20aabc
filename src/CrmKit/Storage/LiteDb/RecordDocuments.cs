using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Maps the small recorded facts (grade changes, claims, merges, erasures) to and from their stored documents.</summary>
internal static class RecordDocuments
{
    internal static BsonDocument ToBson(GradeChange g) => new()
    {
        ["c"] = g.Customer.Value,
        ["f"] = Bson.Text(g.From),
        ["t"] = g.To,
        ["at"] = Bson.Instant(g.At),
        ["r"] = g.Reason,
        ["a"] = g.Actor,
        ["rev"] = g.IsReview,
        ["m"] = Bson.Text(g.MergedFrom?.Value),
    };

    internal static GradeChange ToGradeChange(BsonDocument d) =>
        new(new CustomerCode(d["c"].AsString), Bson.ToText(d["f"]), d["t"].AsString, Bson.ToInstant(d["at"]), d["r"].AsString, d["a"].AsString, d["rev"].AsBoolean)
        {
            // Files written before merges moved grade history have no "m": a missing field reads as null.
            MergedFrom = Bson.ToText(d["m"]) is { } merged ? new CustomerCode(merged) : (CustomerCode?)null,
        };

    internal static BsonDocument ToBson(Claim c) => new()
    {
        ["_id"] = c.Customer.Value,
        ["s"] = c.Salesperson,
        ["at"] = Bson.Instant(c.At),
        ["until"] = Bson.Instant(c.Until),
    };

    internal static Claim ToClaim(BsonDocument d) =>
        new(new CustomerCode(d["_id"].AsString), d["s"].AsString, Bson.ToInstant(d["at"]), Bson.ToInstant(d["until"]));

    internal static BsonDocument ToBson(MergeRecord m) => new()
    {
        ["s"] = m.Survivor.Value,
        ["m"] = m.Merged.Value,
        ["at"] = Bson.Instant(m.At),
        ["a"] = m.Actor,
        ["r"] = m.Reason,
        ["ni"] = m.InteractionsMoved,
        ["ns"] = m.StageChangesMoved,
    };

    internal static BsonDocument ToBson(ErasureRecord e) => new()
    {
        ["c"] = e.Customer.Value,
        ["at"] = Bson.Instant(e.At),
        ["a"] = e.Actor,
        ["r"] = e.Reason,
        ["n"] = e.InteractionsScrubbed,
    };

    internal static ErasureRecord ToErasure(BsonDocument d) =>
        new(new CustomerCode(d["c"].AsString), Bson.ToInstant(d["at"]), d["a"].AsString, d["r"].AsString, d["n"].AsInt32);
}
