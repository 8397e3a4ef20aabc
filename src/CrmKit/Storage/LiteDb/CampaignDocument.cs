using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Maps campaigns, their steps, templates and assignments to and from their stored documents.</summary>
internal static class CampaignDocument
{
    internal static BsonDocument ToBson(Campaign c) => new()
    {
        ["_id"] = c.Id,
        ["plan"] = CampaignPlanJson.Write(c.Plan),
        ["from"] = Bson.Text(c.CopiedFrom),
    };

    internal static BsonDocument ToBson(string campaign, CampaignStep s) => new()
    {
        ["cmp"] = campaign,
        ["f"] = s.From is { } from ? (int)from : BsonValue.Null,
        ["t"] = (int)s.To,
        ["at"] = Bson.Instant(s.At),
        ["a"] = s.Actor,
        ["r"] = s.Reason,
    };

    internal static CampaignStep ToStep(BsonDocument d) =>
        new(d["f"].IsNull ? null : (CampaignStatus)d["f"].AsInt32, (CampaignStatus)d["t"].AsInt32, Bson.ToInstant(d["at"]), d["a"].AsString, d["r"].AsString);

    internal static Campaign ToCampaign(BsonDocument d, IReadOnlyList<CampaignStep> steps) =>
        Campaign.Restore(d["_id"].AsString, CampaignPlanJson.Read(d["plan"].AsString), steps, Bson.ToText(d["from"]));

    internal static BsonDocument ToBson(CampaignTemplate t) => new()
    {
        ["_id"] = t.Name,
        ["plan"] = CampaignPlanJson.Write(t.Plan),
        ["d"] = Bson.Text(t.Description),
    };

    internal static CampaignTemplate ToTemplate(BsonDocument d) => new(d["_id"].AsString, CampaignPlanJson.Read(d["plan"].AsString), Bson.ToText(d["d"]));

    /// <summary>An assignment's id is its campaign and customer, so the store keeps one per pair.</summary>
    internal static string AssignmentId(string campaign, CustomerCode customer) => campaign + "\u001f" + customer.Value;

    internal static BsonDocument ToBson(CampaignAssignment a) => new()
    {
        ["_id"] = AssignmentId(a.Campaign, a.Customer),
        ["cmp"] = a.Campaign,
        ["c"] = a.Customer.Value,
        ["o"] = Bson.Text(a.Offer),
        ["at"] = Bson.Instant(a.At),
    };

    internal static CampaignAssignment ToAssignment(BsonDocument d) =>
        new(d["cmp"].AsString, new CustomerCode(d["c"].AsString), Bson.ToText(d["o"]), Bson.ToInstant(d["at"]));
}
