using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit;

/// <summary>
/// The configuration a database stores about itself (<see cref="CrmConfiguration"/>) as JSON text, for
/// stores that keep it as a document of their own (<see cref="Storage.IConfigurationStore"/>). The
/// layout follows the embedded file's document: names written out in full, spans and times of day in ticks.
/// </summary>
internal static class ConfigurationJson
{
    /// <summary>Raised when the layout changes; a newer layout than this version knows is refused.</summary>
    private const int Format = 1;

    /// <summary>The configuration as JSON text.</summary>
    internal static string Write(CrmConfiguration configuration)
    {
        var model = configuration.Stages;
        var policy = configuration.ContactPolicy;
        var attributes = new JsonObject();
        foreach (var (name, type) in configuration.Attributes.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            attributes[name] = type.ToString();
        var transitions = new JsonArray();
        foreach (var from in model.Stages)
        {
            foreach (var to in model.AllowedFrom(from)) transitions.Add(new JsonArray(from.Name, to.Name));
        }
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
                ["capWindow"] = policy.CapWindow.Ticks,
                ["quietStart"] = policy.QuietStart.Ticks,
                ["quietEnd"] = policy.QuietEnd.Ticks,
                ["requireOptIn"] = policy.RequireOptIn,
                ["expireAfter"] = policy.ExpireAfter.Ticks,
            },
        };
        return document.ToJsonString();
    }

    /// <summary>Reads the configuration written by <see cref="Write"/>.</summary>
    /// <exception cref="CrmStorageException">The text is damaged or of a newer format; names <paramref name="location"/>.</exception>
    internal static CrmConfiguration Read(string json, string location)
    {
        try
        {
            var doc = JsonNode.Parse(json)!.AsObject();
            var format = doc["format"]!.GetValue<int>();
            if (format > Format)
                throw new CrmStorageException(location, $"stores its configuration in format {format}, newer than this version of CrmKit reads ({Format}); update CrmKit.");
            var schema = AttributeSchema.Empty;
            foreach (var (name, type) in doc["attributes"]!.AsObject())
                schema = schema.Define(name, Enum.Parse<AttributeType>(type!.GetValue<string>()));
            var stages = doc["stages"]!.AsObject();
            var model = StageModel.Create(new StageId(stages["initial"]!.GetValue<string>()), stages["transitions"]!.AsArray()
                .Select(t => (new StageId(t![0]!.GetValue<string>()), new StageId(t[1]!.GetValue<string>()))));
            var policy = doc["contactPolicy"]!.AsObject();
            return new CrmConfiguration(
                schema,
                model,
                Kinds(doc["purchaseKinds"]!),
                Kinds(doc["refundKinds"]!),
                new ContactPolicy
                {
                    MaxPerChannel = policy["maxPerChannel"]!.GetValue<int>(),
                    CapWindow = TimeSpan.FromTicks(policy["capWindow"]!.GetValue<long>()),
                    QuietStart = new TimeOnly(policy["quietStart"]!.GetValue<long>()),
                    QuietEnd = new TimeOnly(policy["quietEnd"]!.GetValue<long>()),
                    RequireOptIn = policy["requireOptIn"]!.GetValue<bool>(),
                    ExpireAfter = TimeSpan.FromTicks(policy["expireAfter"]!.GetValue<long>()),
                });
        }
        catch (Exception e) when (e is JsonException or CrmValidationException or ArgumentException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new CrmStorageException(location, $"has a damaged stored configuration: {e.Message}", e);
        }
    }

    private static JsonArray Kinds(IReadOnlySet<InteractionKind> kinds) =>
        new([.. kinds.Select(k => k.Name).Order(StringComparer.Ordinal).Select(k => (JsonNode)JsonValue.Create(k))]);

    private static HashSet<InteractionKind> Kinds(JsonNode array) =>
        array.AsArray().Select(k => new InteractionKind(k!.GetValue<string>())).ToHashSet();
}
