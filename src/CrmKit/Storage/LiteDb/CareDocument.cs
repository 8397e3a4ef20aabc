using LiteDB;

namespace CrmKit.Storage;

/// <summary>Maps care tasks and suppressions to and from their stored documents.</summary>
internal static class CareDocument
{
    /// <summary>The dedup key: one task per customer, occasion key and channel, ever.</summary>
    internal static string TaskKey(string customer, string occasionKey, Channel channel) => $"{customer}\u001f{occasionKey}\u001f{channel.Name}";

    /// <summary>The closed-loop group: every channel's task for one customer's occasion.</summary>
    internal static string GroupKey(string customer, string occasionKey) => $"{customer}\u001f{occasionKey}";

    internal static BsonDocument ToBson(CareTask t)
    {
        var doc = Fields(t);
        if (t.Id != 0) doc["_id"] = t.Id;
        return doc;
    }

    private static BsonDocument Fields(CareTask t) => new()
    {
        ["c"] = t.Customer.Value,
        ["k"] = TaskKey(t.Customer.Value, t.OccasionKey, t.Channel),
        ["g"] = GroupKey(t.Customer.Value, t.OccasionKey),
        ["r"] = t.Rule,
        ["o"] = t.OccasionKey,
        ["ch"] = t.Channel.Name,
        ["due"] = Bson.Instant(t.Due),
        ["pd"] = Bson.Instant(t.ProposedDue),
        ["pr"] = (int)t.Priority,
        ["own"] = Bson.Text(t.Owner),
        ["n"] = Bson.Text(t.Note),
        ["st"] = (int)t.Status,
        ["cAt"] = Bson.Instant(t.CreatedAt),
        ["xAt"] = Bson.Instant(t.ClosedAt),
        ["out"] = Bson.Text(t.Outcome),
        ["by"] = Bson.Text(t.ClosedBy),
    };

    internal static CareTask FromBson(BsonDocument d) => new()
    {
        Id = d["_id"].AsInt64,
        Customer = new CustomerCode(d["c"].AsString),
        Rule = d["r"].AsString,
        OccasionKey = d["o"].AsString,
        Channel = new Channel(d["ch"].AsString),
        Due = Bson.ToInstant(d["due"]),
        ProposedDue = Bson.ToInstant(d["pd"]),
        Priority = (TaskPriority)d["pr"].AsInt32,
        Owner = Bson.ToText(d["own"]),
        Note = Bson.ToText(d["n"]),
        Status = (CareTaskStatus)d["st"].AsInt32,
        CreatedAt = Bson.ToInstant(d["cAt"]),
        ClosedAt = Bson.ToOptionalInstant(d["xAt"]),
        Outcome = Bson.ToText(d["out"]),
        ClosedBy = Bson.ToText(d["by"]),
    };

    /// <summary>A suppression is stored once per key, channel and reason; a re-run refreshes it instead of adding another.</summary>
    internal static BsonDocument ToBson(CareSuppression s) => new()
    {
        ["_id"] = TaskKey(s.Customer.Value, s.OccasionKey, s.Channel) + "\u001f" + s.Reason,
        ["c"] = s.Customer.Value,
        ["r"] = s.Rule,
        ["o"] = s.OccasionKey,
        ["ch"] = s.Channel.Name,
        ["why"] = (int)s.Reason,
        ["d"] = s.Detail,
        ["at"] = Bson.Instant(s.At),
    };

    internal static CareSuppression ToSuppression(BsonDocument d) => new(
        new CustomerCode(d["c"].AsString), d["r"].AsString, d["o"].AsString, new Channel(d["ch"].AsString),
        (SuppressionReason)d["why"].AsInt32, d["d"].AsString, Bson.ToInstant(d["at"]));
}
