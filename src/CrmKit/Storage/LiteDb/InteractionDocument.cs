using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Maps <see cref="Interaction"/> to and from its stored document.</summary>
internal static class InteractionDocument
{
    internal static BsonDocument ToBson(Interaction i) => new()
    {
        ["c"] = i.Customer.Value,
        ["k"] = i.Kind.Name,
        ["ch"] = i.Channel.Name,
        ["at"] = Bson.Instant(i.OccurredAt),
        ["amt"] = i.Amount is { } a ? new BsonValue(a) : BsonValue.Null,
        ["out"] = Bson.Text(i.Outcome),
        ["notes"] = Bson.Text(i.Notes),
        ["staff"] = Bson.Text(i.Staff),
        ["meta"] = Bson.Map(i.Metadata),
        ["rAt"] = Bson.Instant(i.RecordedAt),
    };

    internal static Interaction FromBson(BsonDocument d) =>
        new(new CustomerCode(d["c"].AsString), new InteractionKind(d["k"].AsString), new Channel(d["ch"].AsString), Bson.ToInstant(d["at"]))
        {
            Id = d["_id"].AsInt64,
            Amount = d["amt"].IsNull ? null : d["amt"].AsDecimal,
            Outcome = Bson.ToText(d["out"]),
            Notes = Bson.ToText(d["notes"]),
            Staff = Bson.ToText(d["staff"]),
            Metadata = Bson.ToMap(d["meta"]),
            RecordedAt = Bson.ToInstant(d["rAt"]),
        };
}
