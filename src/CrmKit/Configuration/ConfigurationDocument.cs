using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit;

/// <summary>
/// The JSON form of a <see cref="CrmConfiguration"/>, as stores keep it (<see cref="Storage.IConfigurationStore"/>).
/// Names are written out in full and in a fixed order, so the same configuration always gives the
/// same text and reads plainly in a database tool.
/// </summary>
internal static class ConfigurationDocument
{
    /// <summary>Raised when the layout changes; a newer layout than this version knows is refused.</summary>
    internal const int Format = 1;

    internal static string Write(CrmConfiguration configuration)
    {
        var model = configuration.Stages;
        var policy = configuration.ContactPolicy;
        var attributes = new JsonObject();
        foreach (var (name, type) in configuration.Attributes.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            attributes[name] = type.ToString();
        var transitions = new JsonArray();
        foreach (var from in model.Stages)
            foreach (var to in model.AllowedFrom(from)) transitions.Add(new JsonArray(from.Name, to.Name));
        var document = new JsonObject
        {
            ["format"] = Format,
            ["attributes"] = attributes,
            ["stages"] = new JsonObject { ["initial"] = model.Initial.Name, ["transitions"] = transitions },
            ["purchaseKinds"] = Kinds(configuration.PurchaseKinds),
            ["refundKinds"] = Kinds(configuration.RefundKinds),
            ["contactPolicy"] = new JsonObject
            {
                ["maxPerChannel"] = policy.MaxPerChannel,
                ["capWindow"] = policy.CapWindow.ToString("c"),
                ["quietStart"] = policy.QuietStart.ToString("HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture),
                ["quietEnd"] = policy.QuietEnd.ToString("HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture),
                ["requireOptIn"] = policy.RequireOptIn,
                ["expireAfter"] = policy.ExpireAfter.ToString("c"),
            },
            ["operations"] = OperationsDocument.Write(configuration),
            ["stageRules"] = RuleSettingsJson.Write(configuration.StageRules),
        };
        if (configuration.Loyalty is { } loyalty && RuleSettingsJson.Write(loyalty) is { } program) document["loyalty"] = program;
        return document.ToJsonString();
    }

    /// <summary>Reads a document <see cref="Write"/> made.</summary>
    /// <exception cref="CrmStorageException">The document is damaged or of a newer format; names <paramref name="location"/>.</exception>
    internal static CrmConfiguration Read(string text, string location)
    {
        try
        {
            var doc = JsonNode.Parse(text)?.AsObject() ?? throw new FormatException("the document is empty");
            var format = doc["format"]!.GetValue<int>();
            if (format > Format)
                throw new CrmStorageException(location, $"the stored configuration is in format {format}, newer than this version of CrmKit reads ({Format}); update CrmKit.");
            var schema = AttributeSchema.Empty;
            foreach (var (name, type) in doc["attributes"]!.AsObject())
                schema = schema.Define(name, Enum.Parse<AttributeType>(type!.GetValue<string>()));
            var stages = doc["stages"]!.AsObject();
            var model = StageModel.Create(new StageId(stages["initial"]!.GetValue<string>()), stages["transitions"]!.AsArray()
                .Select(t => (new StageId(t![0]!.GetValue<string>()), new StageId(t[1]!.GetValue<string>()))));
            var policy = doc["contactPolicy"]!.AsObject();
            return OperationsDocument.Apply(new CrmConfiguration(
                schema,
                model,
                Kinds(doc["purchaseKinds"]!),
                Kinds(doc["refundKinds"]!),
                new ContactPolicy
                {
                    MaxPerChannel = policy["maxPerChannel"]!.GetValue<int>(),
                    CapWindow = TimeSpan.ParseExact(policy["capWindow"]!.GetValue<string>(), "c", System.Globalization.CultureInfo.InvariantCulture),
                    QuietStart = TimeOnly.Parse(policy["quietStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                    QuietEnd = TimeOnly.Parse(policy["quietEnd"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                    RequireOptIn = policy["requireOptIn"]!.GetValue<bool>(),
                    ExpireAfter = TimeSpan.ParseExact(policy["expireAfter"]!.GetValue<string>(), "c", System.Globalization.CultureInfo.InvariantCulture),
                },
                RuleSettingsJson.ReadStageRules(doc["stageRules"]),
                RuleSettingsJson.ReadLoyalty(doc["loyalty"])), doc["operations"]);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException
            or ArgumentException or CrmValidationException or OverflowException or IndexOutOfRangeException
            or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CrmStorageException(location, $"the stored configuration is damaged: {e.Message}", e);
        }
    }

    private static JsonArray Kinds(IReadOnlySet<InteractionKind> kinds) =>
        new([.. kinds.Select(k => k.Name).Order(StringComparer.Ordinal).Select(k => (JsonNode?)JsonValue.Create(k))]);

    private static HashSet<InteractionKind> Kinds(JsonNode array) =>
        array.AsArray().Select(k => new InteractionKind(k!.GetValue<string>())).ToHashSet();
}
