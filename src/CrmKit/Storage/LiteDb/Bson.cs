using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Conversions for values BSON cannot hold exactly: BSON dates keep milliseconds in UTC, so
/// instants are stored as UTC ticks plus the offset in minutes, losing neither.
/// </summary>
internal static class Bson
{
    internal static BsonValue Instant(DateTimeOffset value) =>
        new BsonDocument { ["t"] = value.UtcTicks, ["o"] = (int)value.Offset.TotalMinutes };

    internal static BsonValue Instant(DateTimeOffset? value) => value is null ? BsonValue.Null : Instant(value.Value);

    internal static DateTimeOffset ToInstant(BsonValue value)
    {
        var offset = TimeSpan.FromMinutes(value["o"].AsInt32);
        return new DateTimeOffset(value["t"].AsInt64 + offset.Ticks, offset);
    }

    internal static DateTimeOffset? ToOptionalInstant(BsonValue value) => value.IsNull ? null : ToInstant(value);

    internal static BsonValue Text(string? value) => value is null ? BsonValue.Null : new BsonValue(value);

    internal static string? ToText(BsonValue value) => value.IsNull ? null : value.AsString;

    internal static BsonArray Strings(IEnumerable<string> values) => new(values.Select(v => new BsonValue(v)));

    internal static string[] ToStrings(BsonValue value) => value.IsArray ? value.AsArray.Select(v => v.AsString).ToArray() : [];

    internal static BsonDocument Map(IReadOnlyDictionary<string, string> values)
    {
        var doc = new BsonDocument();
        foreach (var (k, v) in values) doc[k] = v;
        return doc;
    }

    internal static Dictionary<string, string> ToMap(BsonValue value) =>
        value.IsDocument ? value.AsDocument.ToDictionary(kv => kv.Key, kv => kv.Value.AsString, StringComparer.Ordinal) : new(StringComparer.Ordinal);
}
