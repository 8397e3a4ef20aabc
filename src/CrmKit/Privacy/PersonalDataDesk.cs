using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>
/// Answers a customer's data requests: export everything held about them, or erase their
/// personal data while keeping anonymised figures so totals still add up.
/// </summary>
public sealed class PersonalDataDesk
{
    private readonly CrmContext _context;

    internal PersonalDataDesk(CrmContext context) => _context = context;

    /// <summary>
    /// Everything held about a customer as indented JSON (UTF-8 text, Unicode kept as is):
    /// profile, stats, interactions, stage and grade history, claim, value figures, merged codes and erasures.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public string Export(CustomerCode customer) => CustomerExport.ToJson(_context, customer);

    /// <summary>
    /// Erases a customer's personal data in one transaction: name, attributes, tags, contact points,
    /// birthday, time zone and group leave the profile, every interaction loses its notes and
    /// metadata, and every care task its note and outcome text. The customer code, stage, consents (an opt-out must keep working), interaction
    /// kinds, channels, instants and amounts stay, so stats and totals are unchanged. The erasure is
    /// recorded. Call <see cref="CrmDatabase.Checkpoint"/> afterwards to move the change out of the
    /// log file at once.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public ErasureRecord Erase(CustomerCode customer, string actor, string reason)
    {
        Require.Name(actor, "actor");
        Require.Name(reason, "reason", Require.MaxTextLength);
        return _context.Store.Write(() =>
        {
            var store = _context.Store;
            var current = CustomerDocument.FromBson(_context.Load(customer, out var code));
            var now = _context.Now;
            var erased = current with
            {
                Name = "(erased)",
                Attributes = new Dictionary<string, AttributeValue>(),
                Tags = [],
                ContactPoints = [],
                Birthday = null,
                TimeZone = null,
                Group = null,
                ErasedAt = now,
                UpdatedAt = now,
                Version = current.Version + 1,
            };
            store.UpdateProfile(erased);
            store.Touch(code);

            var interactions = store.Interactions.Find(Query.EQ("c", code.Value)).ToList();
            foreach (var doc in interactions)
            {
                doc["notes"] = BsonValue.Null;
                doc["meta"] = new BsonDocument();
                store.Interactions.Update(doc);
            }

            // Care task notes and outcomes are free text (a script may have put the name in one).
            foreach (var doc in store.CareTasks.Find(Query.EQ("c", code.Value)).ToList())
            {
                doc["n"] = BsonValue.Null;
                if (!doc["out"].IsNull) doc["out"] = "(erased)";
                store.CareTasks.Update(doc);
            }

            var record = new ErasureRecord(code, now, actor, reason, interactions.Count);
            store.Erasures.Insert(new BsonDocument
            {
                ["c"] = code.Value,
                ["at"] = Bson.Instant(now),
                ["a"] = actor,
                ["r"] = reason,
                ["n"] = interactions.Count,
            });
            return record;
        });
    }
}
