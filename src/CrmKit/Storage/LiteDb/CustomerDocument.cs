using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Maps <see cref="Customer"/> to and from its stored document.</summary>
internal static class CustomerDocument
{
    internal static BsonDocument ToBson(Customer c)
    {
        var attrs = new BsonDocument();
        foreach (var (name, value) in c.Attributes) attrs[name] = AttributeToBson(value);
        var consents = new BsonDocument();
        foreach (var (channel, consent) in c.Consents)
            consents[channel.Name] = new BsonDocument { ["g"] = consent.Granted, ["at"] = Bson.Instant(consent.At) };

        return new BsonDocument
        {
            ["_id"] = c.Code.Value,
            ["n"] = c.Name,
            ["attrs"] = attrs,
            ["ak"] = Bson.Strings(AttributeIndex.Keys(c)),
            ["tags"] = Bson.Strings(c.Tags),
            ["cp"] = new BsonArray(c.ContactPoints.Select(p => new BsonDocument { ["k"] = p.Kind, ["v"] = p.Value })),
            ["cons"] = consents,
            ["own"] = Bson.Text(c.Owner),
            ["grd"] = Bson.Text(c.Grade),
            ["grdAt"] = Bson.Instant(c.GradeReviewedAt),
            ["grp"] = c.Group is null ? BsonValue.Null : new BsonDocument { ["k"] = c.Group.Kind.ToString(), ["id"] = c.Group.Id },
            ["bday"] = c.Birthday is { } b ? new BsonValue(b.DayNumber) : BsonValue.Null,
            ["tz"] = Bson.Text(c.TimeZone),
            ["stg"] = c.Stage.Name,
            ["stgAt"] = Bson.Instant(c.StageSince),
            ["cAt"] = Bson.Instant(c.CreatedAt),
            ["uAt"] = Bson.Instant(c.UpdatedAt),
            ["ver"] = c.Version,
            ["erAt"] = Bson.Instant(c.ErasedAt),
        };
    }

    internal static Customer FromBson(BsonDocument d)
    {
        var attrs = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var (name, value) in d["attrs"].AsDocument) attrs[name] = AttributeFromBson(value);
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

    internal static BsonValue AttributeToBson(AttributeValue value) => new BsonDocument
    {
        ["t"] = (int)value.Type,
        ["v"] = value.Raw switch
        {
            string s => new BsonValue(s),
            long l => new BsonValue(l),
            decimal m => new BsonValue(m),
            bool b => new BsonValue(b),
            DateOnly date => new BsonValue(date.DayNumber),
            DateTimeOffset instant => Bson.Instant(instant),
            string[] list => Bson.Strings(list),
            var other => throw new InvalidOperationException($"Unexpected attribute value {other.GetType()}."),
        },
    };

    internal static AttributeValue AttributeFromBson(BsonValue doc)
    {
        var type = (AttributeType)doc["t"].AsInt32;
        var v = doc["v"];
        object raw = type switch
        {
            AttributeType.Text => v.AsString,
            AttributeType.Integer => v.AsInt64,
            AttributeType.Decimal => v.AsDecimal,
            AttributeType.Boolean => v.AsBoolean,
            AttributeType.Date => DateOnly.FromDayNumber(v.AsInt32),
            AttributeType.Instant => Bson.ToInstant(v),
            AttributeType.TextList => Bson.ToStrings(v),
            _ => throw new InvalidOperationException($"Unknown stored attribute type {type}."),
        };
        return AttributeValue.FromRaw(type, raw);
    }
}
