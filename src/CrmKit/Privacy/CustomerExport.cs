using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Storage;

namespace CrmKit;

/// <summary>Builds the JSON export of one customer.</summary>
internal static class CustomerExport
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = UnicodeJsonEncoder.Instance,
    };

    internal static string ToJson(CustomerDossier dossier)
    {
        var c = dossier.Record.Customer;
        var root = new JsonObject
        {
            ["code"] = c.Code.Value,
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
            ["stats"] = Stats(dossier.Record.Stats),
            ["interactions"] = new JsonArray(dossier.Interactions.Select(i => (JsonNode?)Interaction(i)).ToArray()),
            ["stageHistory"] = new JsonArray(dossier.StageHistory.Select(s => (JsonNode?)new JsonObject
            {
                ["from"] = s.From?.Name,
                ["to"] = s.To.Name,
                ["at"] = Instant(s.At),
                ["reason"] = s.Reason,
                ["actor"] = s.Actor,
                ["mergedFrom"] = s.MergedFrom?.Value,
            }).ToArray()),
            ["gradeHistory"] = new JsonArray(dossier.GradeHistory.Select(g => (JsonNode?)new JsonObject
            {
                ["from"] = g.From,
                ["to"] = g.To,
                ["at"] = Instant(g.At),
                ["reason"] = g.Reason,
                ["actor"] = g.Actor,
                ["review"] = g.IsReview,
            }).ToArray()),
            ["claim"] = dossier.Claim is { } claim
                ? new JsonObject { ["salesperson"] = claim.Salesperson, ["at"] = Instant(claim.At), ["until"] = Instant(claim.Until) }
                : null,
            ["value"] = dossier.Value is { } v ? Value(v) : null,
            ["segments"] = new JsonArray(dossier.Segments
                .Select(m => (JsonNode?)new JsonObject { ["segment"] = m.Segment, ["since"] = Instant(m.Since), ["refresh"] = m.SinceRefresh }).ToArray()),
            ["careTasks"] = new JsonArray(dossier.CareTasks.OrderBy(t => t.Id)
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
            ["campaigns"] = new JsonArray(dossier.CampaignAssignments
                .Select(a => (JsonNode?)new JsonObject { ["campaign"] = a.Campaign, ["arm"] = a.Arm, ["assignedAt"] = Instant(a.At) }).ToArray()),
            ["cases"] = new JsonArray(dossier.Cases.OrderBy(c => c.Id)
                .Select(c => (JsonNode?)new JsonObject
                {
                    ["id"] = c.Id,
                    ["category"] = c.Category,
                    ["subject"] = c.Subject,
                    ["status"] = c.Status.ToString(),
                    ["opened"] = Instant(c.OpenedAt),
                    ["owner"] = c.Owner,
                    ["history"] = new JsonArray(c.History.Select(h => (JsonNode?)new JsonObject
                    {
                        ["change"] = h.Kind.ToString(),
                        ["at"] = Instant(h.At),
                        ["actor"] = h.Actor,
                        ["note"] = h.Note,
                    }).ToArray()),
                    ["resolutions"] = new JsonArray(c.Resolutions.Select(r => (JsonNode?)new JsonObject
                    {
                        ["rootCause"] = r.RootCause,
                        ["summary"] = r.Summary,
                        ["at"] = Instant(r.At),
                    }).ToArray()),
                }).ToArray()),
            ["contactAttempts"] = new JsonArray(dossier.Attempts.Select(a => (JsonNode?)new JsonObject
            {
                ["id"] = a.Id,
                ["task"] = a.Task,
                ["case"] = a.Case,
                ["channel"] = a.Channel.Name,
                ["at"] = Instant(a.At),
                ["outcome"] = a.Outcome.ToString(),
                ["callbackAt"] = a.CallbackAt is { } callback ? Instant(callback) : null,
                ["actor"] = a.Actor,
                ["note"] = a.Note,
            }).ToArray()),
            ["ownerChanges"] = new JsonArray(dossier.OwnerChanges.Select(o => (JsonNode?)new JsonObject
            {
                ["id"] = o.Id,
                ["task"] = o.Task,
                ["change"] = o.Kind.ToString(),
                ["from"] = o.From,
                ["to"] = o.To,
                ["at"] = Instant(o.At),
                ["actor"] = o.Actor,
                ["note"] = o.Note,
            }).ToArray()),
            ["careSuppressions"] = new JsonArray(dossier.CareSuppressions
                .Select(x => (JsonNode?)new JsonObject { ["occasion"] = x.OccasionKey, ["channel"] = x.Channel.Name, ["reason"] = x.Reason.ToString(), ["at"] = Instant(x.At) }).ToArray()),
            ["pointsLedger"] = LoyaltyExport.Ledger(dossier.LedgerEntries),
            ["referrals"] = LoyaltyExport.Referrals(dossier.Referrals),
            ["mergedCodes"] = new JsonArray(dossier.MergedCodes.Select(a => (JsonNode?)a.Value).ToArray()),
            ["erasures"] = new JsonArray(dossier.Erasures.Select(e => (JsonNode?)new JsonObject
            {
                ["at"] = Instant(e.At),
                ["actor"] = e.Actor,
                ["reason"] = e.Reason,
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
