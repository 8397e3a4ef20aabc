using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmKit;

/// <summary>
/// A customer as a row of the <c>customers</c> table and back: every profile field and the
/// bookkeeping CrmKit keeps (stage, version, timestamps), so a restore stores the same customer.
/// Attributes are <c>{"name": {"type": "Integer", "value": 38}}</c>; contact points
/// <c>[{"kind": "phone", "value": "…"}]</c>; consents <c>{"sms": {"granted": true, "at": "…"}}</c>.
/// </summary>
internal static class CustomerTable
{
    internal static JsonObject Write(Customer c) => new()
    {
        ["code"] = c.Code.Value,
        ["name"] = c.Name,
        ["stage"] = c.Stage.Name,
        ["stage-since"] = RowFields.Instant(c.StageSince),
        ["owner"] = RowFields.TextNode(c.Owner),
        ["grade"] = RowFields.TextNode(c.Grade),
        ["grade-reviewed-at"] = RowFields.Instant(c.GradeReviewedAt),
        ["group"] = c.Group is { } g ? new JsonObject { ["kind"] = g.Kind.ToString(), ["id"] = g.Id } : null,
        ["birthday"] = RowFields.Date(c.Birthday),
        ["time-zone"] = RowFields.TextNode(c.TimeZone),
        ["tags"] = new JsonArray([.. c.Tags.Select(t => JsonValue.Create(t))]),
        ["contact-points"] = new JsonArray([.. c.ContactPoints.Select(p => new JsonObject { ["kind"] = p.Kind, ["value"] = p.Value })]),
        ["consents"] = Object(c.Consents.OrderBy(k => k.Key.Name, StringComparer.Ordinal)
            .Select(k => (k.Key.Name, (JsonNode?)new JsonObject { ["granted"] = k.Value.Granted, ["at"] = RowFields.Instant(k.Value.At) }))),
        ["attributes"] = Object(c.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, (JsonNode?)Attribute(a.Value)))),
        ["created-at"] = RowFields.Instant(c.CreatedAt),
        ["updated-at"] = RowFields.Instant(c.UpdatedAt),
        ["version"] = c.Version,
        ["erased-at"] = RowFields.Instant(c.ErasedAt),
    };

    internal static Customer Read(RowFields f) => new(Code(f, "code"), f.Text("name"))
    {
        Stage = f.Nested("stage", n => new StageId(n!.GetValue<string>())),
        StageSince = f.Instant("stage-since"),
        Owner = f.OptionalText("owner"),
        Grade = f.OptionalText("grade"),
        GradeReviewedAt = f.OptionalInstant("grade-reviewed-at"),
        Group = f.Nested("group", n => n is null ? null : new CustomerGroup(Enum.Parse<CustomerGroupKind>(n["kind"]!.GetValue<string>()), n["id"]!.GetValue<string>())),
        Birthday = f.OptionalDate("birthday"),
        TimeZone = f.OptionalText("time-zone"),
        Tags = f.Nested("tags", n => n?.AsArray().Select(t => t!.GetValue<string>()).ToArray() ?? []),
        ContactPoints = f.Nested("contact-points", n => n?.AsArray().Select(p => new ContactPoint(p!["kind"]!.GetValue<string>(), p["value"]!.GetValue<string>())).ToArray() ?? []),
        Consents = f.Nested("consents", n => n?.AsObject().ToDictionary(k => new Channel(k.Key),
            k => new Consent(k.Value!["granted"]!.GetValue<bool>(), DateTimeOffset.ParseExact(k.Value["at"]!.GetValue<string>(), "o", CultureInfo.InvariantCulture))) ?? []),
        Attributes = f.Nested("attributes", n => n?.AsObject().ToDictionary(a => a.Key, a => Attribute(a.Value!), StringComparer.Ordinal) ?? new Dictionary<string, AttributeValue>()),
        CreatedAt = f.Instant("created-at"),
        UpdatedAt = f.Instant("updated-at"),
        Version = checked((int)f.Integer("version")),
        ErasedAt = f.OptionalInstant("erased-at"),
    };

    /// <summary>A customer code from a column, the failure naming the column.</summary>
    internal static CustomerCode Code(RowFields f, string column) => f.Nested(column, n => new CustomerCode(n?.GetValue<string>()!));

    internal static CustomerCode? OptionalCode(RowFields f, string column) => f.OptionalText(column) is null ? (CustomerCode?)null : Code(f, column);

    internal static JsonObject Object(IEnumerable<(string Key, JsonNode? Value)> properties)
    {
        var o = new JsonObject();
        foreach (var (key, value) in properties) o[key] = value;
        return o;
    }

    internal static JsonNode Attribute(AttributeValue value) => new JsonObject
    {
        ["type"] = value.Type.ToString(),
        ["value"] = value.Type switch
        {
            AttributeType.Text => value.AsText(),
            AttributeType.Integer => value.AsInteger(),
            AttributeType.Decimal => value.AsDecimal(),
            AttributeType.Boolean => value.AsBoolean(),
            AttributeType.Date => RowFields.Date(value.AsDate()),
            AttributeType.Instant => RowFields.Instant(value.AsInstant()),
            AttributeType.TextList => new JsonArray([.. value.AsTextList().Select(i => JsonValue.Create(i))]),
            _ => throw new InvalidOperationException($"No export form for attribute type {value.Type}."),
        },
    };

    internal static AttributeValue Attribute(JsonNode node)
    {
        var v = node["value"]!;
        return Enum.Parse<AttributeType>(node["type"]!.GetValue<string>()) switch
        {
            AttributeType.Text => AttributeValue.Text(v.GetValue<string>()),
            AttributeType.Integer => AttributeValue.Integer(v.GetValue<long>()),
            AttributeType.Decimal => AttributeValue.Decimal(v.GetValue<decimal>()),
            AttributeType.Boolean => AttributeValue.Boolean(v.GetValue<bool>()),
            AttributeType.Date => AttributeValue.Date(DateOnly.ParseExact(v.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            AttributeType.Instant => AttributeValue.Instant(DateTimeOffset.ParseExact(v.GetValue<string>(), "o", CultureInfo.InvariantCulture)),
            AttributeType.TextList => AttributeValue.TextList(v.AsArray().Select(i => i!.GetValue<string>())),
            var other => throw new FormatException($"unknown attribute type {other}."),
        };
    }
}
