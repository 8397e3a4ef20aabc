using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Conversions for values BSON cannot hold exactly: BSON dates keep milliseconds in UTC, so
/// instants are stored as UTC ticks plus the offset in minutes, losing neither.
/// </summary>
internal static class Bson
{
    /// <summary>Offsets are whole minutes within ±14 hours, so 11 bits hold one, shifted to be positive.</summary>
    private const int OffsetSpan = 2048;
    private const int OffsetShift = 1024;

    /// <summary>
    /// An instant in its compact form: the UTC ticks as one 64-bit integer when the offset is zero
    /// (every instant a clock gives), else one decimal holding the ticks and the offset in minutes
    /// (<c>ticks × 2048 + offset + 1024</c>). Either way nothing is lost, in one value of 8 or 16
    /// bytes instead of a document of two fields.
    /// </summary>
    internal static BsonValue Moment(DateTimeOffset value)
    {
        var minutes = (int)value.Offset.TotalMinutes;
        return minutes == 0 ? new BsonValue(value.UtcTicks) : new BsonValue((decimal)value.UtcTicks * OffsetSpan + minutes + OffsetShift);
    }

    /// <summary>Reads an instant written by <see cref="Moment(DateTimeOffset)"/>.</summary>
    internal static DateTimeOffset ToMoment(BsonValue value)
    {
        if (value.IsInt64) return new DateTimeOffset(value.AsInt64, TimeSpan.Zero);
        var packed = value.AsDecimal;
        var ticks = (long)decimal.Floor(packed / OffsetSpan);
        var offset = TimeSpan.FromMinutes((int)(packed - (decimal)ticks * OffsetSpan) - OffsetShift);
        return new DateTimeOffset(ticks + offset.Ticks, offset);
    }

    /// <summary>Sets <paramref name="field"/> to the compact instant, or leaves it out when there is none.</summary>
    internal static void PutMoment(BsonDocument doc, string field, DateTimeOffset? value)
    {
        if (value is { } v) doc[field] = Moment(v);
    }

    /// <summary>The compact instant in <paramref name="field"/>, or null when the field is missing.</summary>
    internal static DateTimeOffset? OptionalMoment(BsonDocument doc, string field) =>
        doc.TryGetValue(field, out var v) && !v.IsNull ? ToMoment(v) : null;

    /// <summary>Sets <paramref name="field"/> to the text, or leaves it out when it is null.</summary>
    internal static void PutText(BsonDocument doc, string field, string? value)
    {
        if (value is not null) doc[field] = value;
    }

    /// <summary>The text in <paramref name="field"/>, or null when the field is missing.</summary>
    internal static string? OptionalText(BsonDocument doc, string field) =>
        doc.TryGetValue(field, out var v) && !v.IsNull ? v.AsString : null;

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
