namespace CrmKit.Cli;

/// <summary>The names attribute types go by in the settings file and in messages: text, integer, decimal, boolean, date, instant, text-list.</summary>
internal static class AttributeTypeNames
{
    private static readonly Dictionary<string, AttributeType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = AttributeType.Text,
        ["integer"] = AttributeType.Integer,
        ["decimal"] = AttributeType.Decimal,
        ["boolean"] = AttributeType.Boolean,
        ["date"] = AttributeType.Date,
        ["instant"] = AttributeType.Instant,
        ["text-list"] = AttributeType.TextList,
        ["textlist"] = AttributeType.TextList,
    };

    internal static string Name(AttributeType type) => type == AttributeType.TextList ? "text-list" : type.ToString().ToLowerInvariant();

    /// <exception cref="CrmValidationException">The type name is unknown.</exception>
    internal static AttributeType Parse(string attribute, string? type) =>
        type is not null && Types.TryGetValue(type, out var parsed)
            ? parsed
            : throw new CrmValidationException($"attributes.{attribute}", $"has unknown type '{type}'; use text, integer, decimal, boolean, date, instant or text-list.");
}
