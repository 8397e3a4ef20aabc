using System.Globalization;
using System.Text.Json;

namespace CrmKit.PostgreSql.Customers;

/// <summary>
/// A customer's typed attributes as the jsonb of <c>customers.attributes</c>: an object of
/// <c>{"t": "&lt;AttributeType member&gt;", "v": value}</c>. Text is a string, Integer and Decimal
/// are JSON numbers (jsonb keeps them exact, a decimal's scale included), Boolean a boolean, Date
/// <c>yyyy-MM-dd</c>, Instant an ISO 8601 string with its offset (every tick kept), TextList an
/// array of strings. SQL reads them as <c>(attributes-&gt;'age'-&gt;&gt;'v')::numeric</c> and so on.
/// </summary>
internal static class AttributeJson
{
    internal static string Write(IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(name);
                json.WriteString("t", value.Type.ToString());
                json.WritePropertyName("v");
                switch (value.Type)
                {
                    case AttributeType.Text: json.WriteStringValue(value.AsText()); break;
                    case AttributeType.Integer: json.WriteNumberValue(value.AsInteger()); break;
                    case AttributeType.Decimal: json.WriteNumberValue(value.AsDecimal()); break;
                    case AttributeType.Boolean: json.WriteBooleanValue(value.AsBoolean()); break;
                    case AttributeType.Date: json.WriteStringValue(value.AsDate().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                    case AttributeType.Instant: json.WriteStringValue(value.AsInstant().ToString("o", CultureInfo.InvariantCulture)); break;
                    case AttributeType.TextList:
                        json.WriteStartArray();
                        foreach (var item in value.AsTextList()) json.WriteStringValue(item);
                        json.WriteEndArray();
                        break;
                    default: throw new InvalidOperationException($"attributes.{name}: no column mapping for type {value.Type}.");
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static Dictionary<string, AttributeValue> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var attributes = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var type = Enum.Parse<AttributeType>(property.Value.GetProperty("t").GetString()!);
            var v = property.Value.GetProperty("v");
            attributes[property.Name] = type switch
            {
                AttributeType.Text => AttributeValue.Text(v.GetString()!),
                AttributeType.Integer => AttributeValue.Integer(v.GetInt64()),
                AttributeType.Decimal => AttributeValue.Decimal(v.GetDecimal()),
                AttributeType.Boolean => AttributeValue.Boolean(v.GetBoolean()),
                AttributeType.Date => AttributeValue.Date(DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                AttributeType.Instant => AttributeValue.Instant(DateTimeOffset.ParseExact(v.GetString()!, "o", CultureInfo.InvariantCulture)),
                AttributeType.TextList => AttributeValue.TextList(v.EnumerateArray().Select(i => i.GetString()!)),
                _ => throw new InvalidOperationException($"attributes.{property.Name}: unknown stored type {type}."),
            };
        }
        return attributes;
    }
}
