using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>Merges one customer into another in a single transaction; see <see cref="MergeRecord"/>.</summary>
internal sealed class CustomerMerger(CrmContext context)
{
    internal MergeRecord Merge(CustomerCode survivorCode, CustomerCode mergedCode, string actor, string reason) =>
        context.Store.Write(() =>
        {
            var store = context.Store;
            var survivor = CustomerDocument.FromBson(context.Load(survivorCode, out var s));
            var merged = CustomerDocument.FromBson(context.Load(mergedCode, out var m));
            if (s == m) throw new CrmValidationException("merged", $"'{mergedCode}' and '{survivorCode}' are the same customer.");
            var now = context.Now;

            var interactions = store.Interactions.Find(Query.EQ("c", m.Value)).ToList();
            foreach (var doc in interactions)
            {
                doc["c"] = s.Value;
                store.Interactions.Update(doc);
            }

            var changes = store.StageChanges.Find(Query.EQ("c", m.Value)).ToList();
            foreach (var doc in changes)
            {
                doc["c"] = s.Value;
                if (doc["mf"].IsNull) doc["mf"] = m.Value;
                store.StageChanges.Update(doc);
            }

            var combined = Combine(survivor, merged) with { UpdatedAt = now, Version = survivor.Version + 1 };
            store.UpdateProfile(combined);
            store.DeleteCustomer(m);

            CareMerge.Move(store, s, m, now);

            var stats = InteractionLog.Fold(context, store.Interactions.Find(Query.EQ("c", s.Value)));
            store.SetStats(store.Customers.FindById(s.Value), stats);

            // Codes merged into the merged customer earlier now resolve to the survivor too.
            foreach (var alias in store.Aliases.Find(Query.EQ("s", m.Value)).ToList())
            {
                alias["s"] = s.Value;
                store.Aliases.Update(alias);
            }
            store.Aliases.Insert(new BsonDocument { ["_id"] = m.Value, ["s"] = s.Value });

            var record = new MergeRecord(s, m, now, actor, reason, interactions.Count, changes.Count);
            store.Merges.Insert(new BsonDocument
            {
                ["s"] = s.Value,
                ["m"] = m.Value,
                ["at"] = Bson.Instant(now),
                ["a"] = actor,
                ["r"] = reason,
                ["ni"] = interactions.Count,
                ["ns"] = changes.Count,
            });
            return record;
        });

    private static Customer Combine(Customer survivor, Customer merged)
    {
        var attributes = new Dictionary<string, AttributeValue>(merged.Attributes, StringComparer.Ordinal);
        foreach (var (k, v) in survivor.Attributes) attributes[k] = v;

        var consents = new Dictionary<Channel, Consent>(survivor.Consents);
        foreach (var (channel, theirs) in merged.Consents)
        {
            consents[channel] = consents.TryGetValue(channel, out var ours) ? Stricter(ours, theirs) : theirs;
        }

        return survivor with
        {
            Attributes = attributes,
            Tags = survivor.Tags.Union(merged.Tags, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            ContactPoints = survivor.ContactPoints.Union(merged.ContactPoints).ToArray(),
            Consents = consents,
            Owner = survivor.Owner ?? merged.Owner,
            Grade = survivor.Grade ?? merged.Grade,
            Group = survivor.Group ?? merged.Group,
            Birthday = survivor.Birthday ?? merged.Birthday,
            TimeZone = survivor.TimeZone ?? merged.TimeZone,
        };
    }

    /// <summary>An opt-out on either side wins; between two of the same kind, the later one.</summary>
    private static Consent Stricter(Consent a, Consent b) =>
        a.Granted != b.Granted ? (a.Granted ? b : a) : (a.At >= b.At ? a : b);
}
