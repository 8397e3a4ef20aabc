using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Readers of the customer and interaction documents of the first file format (full field names,
/// instants as sub-documents, every field written even when empty, interactions keyed by a
/// number with the customer code in a field of their own). Files in that format are rewritten in
/// the compact one when first opened for writing (<see cref="LiteStore"/>'s upgrades); nothing
/// writes it any more.
/// </summary>
internal static class LegacyDocuments
{
    internal static Customer ToCustomer(BsonDocument d)
    {
        var attrs = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var (name, value) in d["attrs"].AsDocument) attrs[name] = TypedAttribute.FromBson(value);
        var consents = new Dictionary<Channel, Consent>();
        foreach (var (channel, value) in d["cons"].AsDocument)
            consents[new Channel(channel)] = new Consent(value["g"].AsBoolean, Bson.ToInstant(value["at"]));
        var group = d["grp"];

        return new Customer(new CustomerCode(d["_id"].AsString), d["n"].AsString)
        {
            Attributes = attrs,
            Tags = Bson.ToStrings(d["tags"]),
            ContactPoints = d["cp"].AsArray.Select(p => new ContactPoint(p["k"].AsString, p["v"].AsString)).ToArray(),
            Consents = consents,
            Owner = Bson.ToText(d["own"]),
            Grade = Bson.ToText(d["grd"]),
            GradeReviewedAt = Bson.ToOptionalInstant(d["grdAt"]),
            Group = group.IsNull ? null : new CustomerGroup(Enum.Parse<CustomerGroupKind>(group["k"].AsString), group["id"].AsString),
            Birthday = d["bday"].IsNull ? null : DateOnly.FromDayNumber(d["bday"].AsInt32),
            TimeZone = Bson.ToText(d["tz"]),
            Stage = new StageId(d["stg"].AsString),
            StageSince = Bson.ToInstant(d["stgAt"]),
            CreatedAt = Bson.ToInstant(d["cAt"]),
            UpdatedAt = Bson.ToInstant(d["uAt"]),
            Version = d["ver"].AsInt32,
            ErasedAt = Bson.ToOptionalInstant(d["erAt"]),
        };
    }

    internal static CustomerStats ToStats(BsonDocument? d) => d is null ? CustomerStats.Empty : new()
    {
        InteractionCount = d["n"].AsInt32,
        PurchaseCount = d["p"].AsInt32,
        MonetaryTotal = d["m"].AsDecimal,
        FirstPurchaseAt = Bson.ToOptionalInstant(d["fp"]),
        LastPurchaseAt = Bson.ToOptionalInstant(d["lp"]),
        LastContactAt = Bson.ToOptionalInstant(d["lc"]),
        CountsByKind = StatsDocument.ToCounts(d["bk"]),
        CountsByChannel = StatsDocument.ToCounts(d["bc"]),
        // Files written before the per-kind instants were kept have no "lk"; a stats rebuild fills it.
        LastByKind = StatsDocument.ToLastByKind(d["lk"], Bson.ToInstant),
    };

    internal static Interaction ToInteraction(BsonDocument d) =>
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
