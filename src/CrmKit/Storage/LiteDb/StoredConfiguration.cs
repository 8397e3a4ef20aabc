using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// The configuration a database stores about itself (<see cref="CrmConfiguration"/>), as one document
/// of the meta collection. Names are written out in full, so the document reads plainly in a LiteDB viewer.
/// </summary>
internal static class StoredConfiguration
{
    /// <summary>Raised when the document layout changes; a newer layout than this version knows is refused.</summary>
    private const int Format = 1;

    /// <summary>The stored configuration, or null for a new database or one written before configurations were stored.</summary>
    /// <exception cref="DatabaseFileException">The stored configuration is damaged or of a newer format.</exception>
    internal static CrmConfiguration? Read(LiteStore store, string? path)
    {
        if (store.Meta.FindById(DatabaseFile.ConfigurationKey) is not { } doc) return null;
        try
        {
            var format = doc["format"].AsInt32;
            if (format > Format)
                throw new DatabaseFileException(path ?? "(in memory)", $"stores its configuration in format {format}, newer than this version of CrmKit reads ({Format}); update CrmKit.");
            var schema = AttributeSchema.Empty;
            foreach (var (name, type) in doc["attributes"].AsDocument)
                schema = schema.Define(name, Enum.Parse<AttributeType>(type.AsString));
            var stages = doc["stages"].AsDocument;
            var model = StageModel.Create(new StageId(stages["initial"].AsString), stages["transitions"].AsArray
                .Select(t => (new StageId(t.AsArray[0].AsString), new StageId(t.AsArray[1].AsString))));
            var policy = doc["contactPolicy"].AsDocument;
            var operations = doc["operations"].IsString ? System.Text.Json.Nodes.JsonNode.Parse(doc["operations"].AsString) : null;
            return OperationsDocument.Apply(new CrmConfiguration(
                schema,
                model,
                Kinds(doc["purchaseKinds"]),
                Kinds(doc["refundKinds"]),
                new ContactPolicy
                {
                    MaxPerChannel = policy["maxPerChannel"].AsInt32,
                    CapWindow = TimeSpan.FromTicks(policy["capWindow"].AsInt64),
                    QuietStart = new TimeOnly(policy["quietStart"].AsInt64),
                    QuietEnd = new TimeOnly(policy["quietEnd"].AsInt64),
                    RequireOptIn = policy["requireOptIn"].AsBoolean,
                    ExpireAfter = TimeSpan.FromTicks(policy["expireAfter"].AsInt64),
                },
                // The rule settings are kept as their JSON text: they are read and written as a whole.
                RuleSettingsJson.ReadStageRules(Json(doc["stageRules"])),
                RuleSettingsJson.ReadLoyalty(Json(doc["loyalty"]))), operations);
        }
        catch (Exception e) when (e is CrmValidationException or ArgumentException or InvalidCastException or NullReferenceException or IndexOutOfRangeException
            or ArgumentOutOfRangeException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new DatabaseFileException(path ?? "(in memory)", $"has a damaged stored configuration: {e.Message}", e);
        }
    }

    /// <summary>Stores <paramref name="configuration"/>, in the write unit of work that is running.</summary>
    internal static void Upsert(LiteStore store, CrmConfiguration configuration) => store.Meta.Upsert(Document(configuration));

    private static BsonDocument Document(CrmConfiguration configuration)
    {
        var model = configuration.Stages;
        var policy = configuration.ContactPolicy;
        var attributes = new BsonDocument();
        foreach (var (name, type) in configuration.Attributes.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            attributes[name] = type.ToString();
        var doc = new BsonDocument
        {
            ["_id"] = DatabaseFile.ConfigurationKey,
            ["format"] = Format,
            ["attributes"] = attributes,
            ["stages"] = new BsonDocument
            {
                ["initial"] = model.Initial.Name,
                ["transitions"] = new BsonArray(model.Stages.SelectMany(from => model.AllowedFrom(from)
                    .Select(to => (BsonValue)new BsonArray(new BsonValue[] { from.Name, to.Name })))),
            },
            ["purchaseKinds"] = KindsArray(configuration.PurchaseKinds),
            ["refundKinds"] = KindsArray(configuration.RefundKinds),
            ["contactPolicy"] = new BsonDocument
            {
                ["maxPerChannel"] = policy.MaxPerChannel,
                ["capWindow"] = policy.CapWindow.Ticks,
                ["quietStart"] = policy.QuietStart.Ticks,
                ["quietEnd"] = policy.QuietEnd.Ticks,
                ["requireOptIn"] = policy.RequireOptIn,
                ["expireAfter"] = policy.ExpireAfter.Ticks,
            },
            ["operations"] = OperationsDocument.Write(configuration).ToJsonString(),
            ["stageRules"] = RuleSettingsJson.Write(configuration.StageRules).ToJsonString(),
        };
        if (configuration.Loyalty is { } loyalty && RuleSettingsJson.Write(loyalty) is { } program) doc["loyalty"] = program.ToJsonString();
        return doc;
    }

    private static System.Text.Json.Nodes.JsonNode? Json(BsonValue value) => value.IsNull ? null : System.Text.Json.Nodes.JsonNode.Parse(value.AsString);

    private static HashSet<InteractionKind> Kinds(BsonValue array) => array.AsArray.Select(k => new InteractionKind(k.AsString)).ToHashSet();

    private static BsonArray KindsArray(IReadOnlySet<InteractionKind> kinds) =>
        new(kinds.Select(k => k.Name).Order(StringComparer.Ordinal).Select(k => (BsonValue)k));
}
