using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Maps care tasks and suppressions to and from their stored documents.</summary>
internal static class CareDocument
{
    /// <summary>A task's document, stored under the dedup key the domain gave it (<see cref="CareKeys"/>).</summary>
    internal static BsonDocument ToBson(CareTask t, string dedupKey)
    {
        var doc = Fields(t, dedupKey);
        if (t.Id != 0) doc["_id"] = t.Id;
        return doc;
    }

    private static BsonDocument Fields(CareTask t, string dedupKey) => new()
    {
        ["c"] = t.Customer.Value,
        ["k"] = dedupKey,
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
        ["_id"] = SuppressionId(s),
        ["c"] = s.Customer.Value,
        ["r"] = s.Rule,
        ["o"] = s.OccasionKey,
        ["ch"] = s.Channel.Name,
        ["why"] = (int)s.Reason,
        ["d"] = s.Detail,
        ["at"] = Bson.Instant(s.At),
    };

    /// <summary>The identity of a suppression: its customer, occasion key, channel and reason.</summary>
    internal static string SuppressionId(CareSuppression s) => $"{s.Customer.Value}\u001f{s.OccasionKey}\u001f{s.Channel.Name}\u001f{s.Reason}";

    internal static CareSuppression ToSuppression(BsonDocument d) => new(
        new CustomerCode(d["c"].AsString), d["r"].AsString, d["o"].AsString, new Channel(d["ch"].AsString),
        (SuppressionReason)d["why"].AsInt32, d["d"].AsString, Bson.ToInstant(d["at"]));
}
