using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// An attribute value with its declared type beside it (<c>{ t: type, v: value }</c>): the form of
/// values kept apart from their customer (the identity map's kept values) and of customer documents
/// of the first file format. Customer documents of the compact format store the value alone
/// (<see cref="CustomerDocument"/>).
/// </summary>
internal static class TypedAttribute
{
    internal static BsonValue ToBson(AttributeValue value) => new BsonDocument
    {
        ["t"] = (int)value.Type,
        ["v"] = ValueToBson(value, Bson.Instant),
    };

    /// <summary>The value alone, with instants in the form <paramref name="instant"/> gives (each format keeps its own).</summary>
    internal static BsonValue ValueToBson(AttributeValue value, Func<DateTimeOffset, BsonValue> instant) => value.Raw switch
    {
        string s => new BsonValue(s),
        long l => new BsonValue(l),
        decimal m => new BsonValue(m),
        bool b => new BsonValue(b),
        DateOnly date => new BsonValue(date.DayNumber),
        DateTimeOffset at => instant(at),
        string[] list => Bson.Strings(list),
        var other => throw new InvalidOperationException($"Unexpected attribute value {other.GetType()}."),
    };

    internal static AttributeValue FromBson(BsonValue doc)
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
