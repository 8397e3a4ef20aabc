using CrmKit.Storage.LiteDb;
using LiteDB;

namespace CrmKit.Tests.Storage.Formats;

/// <summary>
/// Turns a database file into the first file format, as earlier versions wrote it: customer
/// documents with full field names, every field written, instants as sub-documents; interactions
/// in an "interactions" collection keyed by their id with the customer code in a field; the
/// indexes on the old field names; no format mark. The writers here are those earlier versions used.
/// </summary>
internal static class FirstFormatFile
{
    internal static void Rewrite(string path)
    {
        using var lite = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        lite.UtcDate = true;
        var customers = lite.GetCollection("customers");
        foreach (var index in new[] { "t", "s", "o", "k" }) customers.DropIndex(index);
        foreach (var doc in customers.FindAll().ToList())
        {
            var old = Customer(CustomerDocument.FromBson(doc));
            old["st"] = Stats(StatsDocument.FromBson(doc.TryGetValue("st", out var st) ? st.AsDocument : null));
            old["cs"] = doc["cs"];
            customers.Update(old);
        }
        customers.EnsureIndex("tags", "$.tags[*]");
        customers.EnsureIndex("stg", "$.stg");
        customers.EnsureIndex("own", "$.own");
        customers.EnsureIndex("ak", "$.ak[*]");

        var interactions = lite.GetCollection("interactions", BsonAutoId.Int64);
        interactions.EnsureIndex("c", "$.c");
        var log = lite.GetCollection("interaction_log");
        interactions.InsertBulk(log.FindAll().Select(InteractionDocument.FromBson).OrderBy(i => i.Id).Select(Interaction).ToList());
        lite.DropCollection("interaction_log");
        lite.GetCollection("meta").Delete("format");
        lite.GetCollection("meta").Delete("interaction-id");
    }

    private static BsonValue Instant(DateTimeOffset value) => new BsonDocument { ["t"] = value.UtcTicks, ["o"] = (int)value.Offset.TotalMinutes };

    private static BsonValue Instant(DateTimeOffset? value) => value is null ? BsonValue.Null : Instant(value.Value);

    private static BsonValue Text(string? value) => value is null ? BsonValue.Null : new BsonValue(value);

    private static BsonDocument Customer(Customer c)
    {
        var attrs = new BsonDocument();
        foreach (var (name, value) in c.Attributes)
        {
            attrs[name] = new BsonDocument
            {
                ["t"] = (int)value.Type,
                ["v"] = value.Raw switch
                {
                    DateOnly date => new BsonValue(date.DayNumber),
                    DateTimeOffset instant => Instant(instant),
                    string[] list => new BsonArray(list.Select(x => new BsonValue(x))),
                    var raw => new BsonValue(raw),
                },
            };
        }
        var consents = new BsonDocument();
        foreach (var (channel, consent) in c.Consents) consents[channel.Name] = new BsonDocument { ["g"] = consent.Granted, ["at"] = Instant(consent.At) };
        return new BsonDocument
        {
            ["_id"] = c.Code.Value,
            ["n"] = c.Name,
            ["attrs"] = attrs,
            ["ak"] = new BsonArray(AttributeIndex.Keys(c).Select(k => new BsonValue(k))),
            ["tags"] = new BsonArray(c.Tags.Select(t => new BsonValue(t))),
            ["cp"] = new BsonArray(c.ContactPoints.Select(p => new BsonDocument { ["k"] = p.Kind, ["v"] = p.Value })),
            ["cons"] = consents,
            ["own"] = Text(c.Owner),
            ["grd"] = Text(c.Grade),
            ["grdAt"] = Instant(c.GradeReviewedAt),
            ["grp"] = c.Group is null ? BsonValue.Null : new BsonDocument { ["k"] = c.Group.Kind.ToString(), ["id"] = c.Group.Id },
            ["bday"] = c.Birthday is { } b ? new BsonValue(b.DayNumber) : BsonValue.Null,
            ["tz"] = Text(c.TimeZone),
            ["stg"] = c.Stage.Name,
            ["stgAt"] = Instant(c.StageSince),
            ["cAt"] = Instant(c.CreatedAt),
            ["uAt"] = Instant(c.UpdatedAt),
            ["ver"] = c.Version,
            ["erAt"] = Instant(c.ErasedAt),
        };
    }

    private static BsonDocument Stats(CustomerStats s)
    {
        BsonDocument Counts(IReadOnlyDictionary<string, int> counts) => new(counts.ToDictionary(kv => kv.Key, kv => new BsonValue(kv.Value)));
        return new BsonDocument
        {
            ["n"] = s.InteractionCount,
            ["p"] = s.PurchaseCount,
            ["m"] = s.MonetaryTotal,
            ["fp"] = Instant(s.FirstPurchaseAt),
            ["lp"] = Instant(s.LastPurchaseAt),
            ["lc"] = Instant(s.LastContactAt),
            ["bk"] = Counts(s.CountsByKind),
            ["bc"] = Counts(s.CountsByChannel),
            ["lk"] = new BsonDocument(s.LastByKind.ToDictionary(kv => kv.Key, kv => Instant(kv.Value))),
        };
    }

    private static BsonDocument Interaction(Interaction i) => new()
    {
        ["_id"] = i.Id,
        ["c"] = i.Customer.Value,
        ["k"] = i.Kind.Name,
        ["ch"] = i.Channel.Name,
        ["at"] = Instant(i.OccurredAt),
        ["amt"] = i.Amount is { } a ? new BsonValue(a) : BsonValue.Null,
        ["out"] = Text(i.Outcome),
        ["notes"] = Text(i.Notes),
        ["staff"] = Text(i.Staff),
        ["meta"] = new BsonDocument(i.Metadata.ToDictionary(kv => kv.Key, kv => new BsonValue(kv.Value))),
        ["rAt"] = Instant(i.RecordedAt),
    };
}
