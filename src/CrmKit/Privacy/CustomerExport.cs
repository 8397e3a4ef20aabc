using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>Builds the JSON export of one customer.</summary>
internal static class CustomerExport
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = UnicodeJsonEncoder.Instance,
    };

    internal static string ToJson(CrmContext context, CustomerCode customer)
    {
        var stored = context.Load(customer, out var code);
        var c = CustomerDocument.FromBson(stored);
        var store = context.Store;
        var stats = StatsDocument.FromBson(LiteStore.StatsOf(stored));
        var interactions = store.Interactions.Find(Query.EQ("c", code.Value)).OrderBy(d => d["_id"].AsInt64).Select(InteractionDocument.FromBson);
        var history = store.StageChanges.Find(Query.EQ("c", code.Value)).OrderBy(d => d["_id"].AsInt64).Select(StageChangeDocument.FromBson);

        var root = new JsonObject
        {
            ["code"] = code.Value,
            ["name"] = c.Name,
            ["attributes"] = new JsonObject(c.Attributes.Select(a => KeyValuePair.Create(a.Key, Attribute(a.Value)))),
            ["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode?)t).ToArray()),
            ["contactPoints"] = new JsonArray(c.ContactPoints.Select(p => (JsonNode?)new JsonObject { ["kind"] = p.Kind, ["value"] = p.Value }).ToArray()),
            ["consents"] = new JsonObject(c.Consents.Select(kv => KeyValuePair.Create(kv.Key.Name, (JsonNode?)new JsonObject { ["granted"] = kv.Value.Granted, ["at"] = Instant(kv.Value.At) }))),
            ["owner"] = c.Owner,
            ["grade"] = c.Grade,
            ["group"] = c.Group is null ? null : new JsonObject { ["kind"] = c.Group.Kind.ToString(), ["id"] = c.Group.Id },
            ["birthday"] = c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["timeZone"] = c.TimeZone,
            ["stage"] = c.Stage.Name,
            ["stageSince"] = Instant(c.StageSince),
            ["createdAt"] = Instant(c.CreatedAt),
            ["updatedAt"] = Instant(c.UpdatedAt),
            ["version"] = c.Version,
            ["erasedAt"] = c.ErasedAt is { } e ? Instant(e) : null,
            ["stats"] = Stats(stats),
            ["interactions"] = new JsonArray(interactions.Select(i => (JsonNode?)Interaction(i)).ToArray()),
            ["stageHistory"] = new JsonArray(history.Select(s => (JsonNode?)new JsonObject
            {
                ["from"] = s.From?.Name,
                ["to"] = s.To.Name,
                ["at"] = Instant(s.At),
                ["reason"] = s.Reason,
                ["actor"] = s.Actor,
                ["mergedFrom"] = s.MergedFrom?.Value,
            }).ToArray()),
            ["gradeHistory"] = new JsonArray(store.GradeChanges.Find(Query.EQ("c", code.Value)).OrderBy(d => d["_id"].AsInt64).Select(g => (JsonNode?)new JsonObject
            {
                ["from"] = Bson.ToText(g["f"]),
                ["to"] = g["t"].AsString,
                ["at"] = Instant(Bson.ToInstant(g["at"])),
                ["reason"] = g["r"].AsString,
                ["actor"] = g["a"].AsString,
                ["review"] = g["rev"].AsBoolean,
            }).ToArray()),
            ["claim"] = store.Claims.FindById(code.Value) is { } claim
                ? new JsonObject { ["salesperson"] = claim["s"].AsString, ["at"] = Instant(Bson.ToInstant(claim["at"])), ["until"] = Instant(Bson.ToInstant(claim["until"])) }
                : null,
            ["value"] = store.CustomerValues.FindById(code.Value) is { } doc ? Value(ValueDocument.ValueFromBson(doc)) : null,
            ["segments"] = new JsonArray(store.SegmentMembers.Find(Query.EQ("c", code.Value)).Select(SegmentDocument.ToMembership)
                .Select(m => (JsonNode?)new JsonObject { ["segment"] = m.Segment, ["since"] = Instant(m.Since), ["refresh"] = m.SinceRefresh }).ToArray()),
            ["careTasks"] = new JsonArray(store.CareTasks.Find(Query.EQ("c", code.Value)).Select(CareDocument.FromBson).OrderBy(t => t.Id)
                .Select(t => (JsonNode?)new JsonObject
                {
                    ["id"] = t.Id,
                    ["occasion"] = t.OccasionKey,
                    ["channel"] = t.Channel.Name,
                    ["due"] = Instant(t.Due),
                    ["status"] = t.Status.ToString(),
                    ["note"] = t.Note,
                    ["outcome"] = t.Outcome,
                }).ToArray()),
            ["careSuppressions"] = new JsonArray(store.CareSuppressions.Find(Query.EQ("c", code.Value)).Select(CareDocument.ToSuppression)
                .Select(x => (JsonNode?)new JsonObject { ["occasion"] = x.OccasionKey, ["channel"] = x.Channel.Name, ["reason"] = x.Reason.ToString(), ["at"] = Instant(x.At) }).ToArray()),
            ["mergedCodes"] = new JsonArray(store.Aliases.Find(Query.EQ("s", code.Value)).Select(a => (JsonNode?)a["_id"].AsString).ToArray()),
            ["erasures"] = new JsonArray(store.Erasures.Find(Query.EQ("c", code.Value)).Select(e => (JsonNode?)new JsonObject
            {
                ["at"] = Instant(Bson.ToInstant(e["at"])),
                ["actor"] = e["a"].AsString,
                ["reason"] = e["r"].AsString,
            }).ToArray()),
        };
        return root.ToJsonString(Indented);
    }

    private static string Instant(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    private static JsonNode? Attribute(AttributeValue v) => v.Raw switch
    {
        string s => s,
        long l => l,
        decimal d => d,
        bool b => b,
        string[] list => new JsonArray(list.Select(i => (JsonNode?)i).ToArray()),
        _ => v.ToString(),
    };

    private static JsonObject Value(CrmKit.Value.CustomerValue v) => new()
    {
        ["probabilityAlive"] = v.ProbabilityAlive,
        ["expectedPurchasesNextPeriod"] = v.ExpectedPurchasesNextPeriod,
        ["expectedSpend"] = v.ExpectedSpend,
        ["lifetimeValue"] = v.LifetimeValue,
        ["pastValue"] = v.PastValue,
        ["rfm"] = $"{v.Rfm.Recency}{v.Rfm.Frequency}{v.Rfm.Monetary}",
        ["tier"] = v.Tier.Name,
        ["quadrant"] = v.Quadrant.ToString(),
    };

    private static JsonObject Stats(CustomerStats s) => new()
    {
        ["interactionCount"] = s.InteractionCount,
        ["purchaseCount"] = s.PurchaseCount,
        ["frequency"] = s.Frequency,
        ["monetaryTotal"] = s.MonetaryTotal,
        ["firstPurchaseAt"] = s.FirstPurchaseAt is { } f ? Instant(f) : null,
        ["lastPurchaseAt"] = s.LastPurchaseAt is { } l ? Instant(l) : null,
        ["lastContactAt"] = s.LastContactAt is { } c ? Instant(c) : null,
    };

    private static JsonObject Interaction(Interaction i) => new()
    {
        ["id"] = i.Id,
        ["kind"] = i.Kind.Name,
        ["channel"] = i.Channel.Name,
        ["occurredAt"] = Instant(i.OccurredAt),
        ["amount"] = i.Amount,
        ["outcome"] = i.Outcome,
        ["notes"] = i.Notes,
        ["staff"] = i.Staff,
        ["metadata"] = new JsonObject(i.Metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        ["recordedAt"] = Instant(i.RecordedAt),
    };
}
