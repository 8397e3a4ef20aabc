using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>The embedded store's upgrades of files written by earlier versions, run when a file is opened for writing.</summary>
internal sealed partial class LiteStore
{
    /// <summary>The key of the meta document that holds the file format; absent in files of the first format.</summary>
    private const string FormatKey = "format";

    /// <summary>The compact format: short field names, single-value instants, interactions keyed by code and id.</summary>
    private const int CompactFormat = 2;

    /// <summary>Customers are rewritten this many at a time, each batch read before it is written.</summary>
    private const int UpgradeBatch = 1_000;

    /// <summary>
    /// Files written before stats moved into the customer documents keep them in a collection of
    /// their own: they are moved once, when the file is opened. Moving again after an interrupted
    /// move writes the same values, so it is safe to repeat.
    /// </summary>
    private void MoveLegacyStats()
    {
        if (!_db.CollectionExists(Collections.LegacyStats)) return;
        lock (_writeGate)
        {
            Transaction(() =>
            {
                foreach (var stats in _db.GetCollection(Collections.LegacyStats).FindAll().ToList())
                {
                    if (Customers.FindById(stats["_id"]) is not { } customer) continue;
                    var change = stats[ChangeField];
                    stats.Remove("_id");
                    stats.Remove(ChangeField);
                    customer[StatsField] = stats;
                    if (!change.IsNull) customer[ChangeField] = change;
                    Customers.Update(customer);
                }
                return 0;
            });
        }
        _db.DropCollection(Collections.LegacyStats);
    }

    /// <summary>True when the file holds data in the first format and has not been upgraded.</summary>
    private bool NeedsCompactFormat() =>
        Meta.FindById(FormatKey) is null && (_db.CollectionExists(Collections.LegacyInteractions) || Customers.Count() > 0);

    /// <summary>
    /// Rewrites a file of the first format in the compact one, in one transaction, so a file is
    /// either wholly upgraded or (after a crash) still wholly in the first format and upgraded on
    /// the next open: every customer document is rewritten (its change mark kept), every
    /// interaction is copied to the log keyed by code and id (its id kept), the indexes follow the
    /// new field names, and the id counter continues from the largest id. The old interactions
    /// collection is dropped once that has committed (LiteDB drops collections only outside a
    /// transaction; the format mark says it was copied). A new file is marked compact at once.
    /// </summary>
    private void UpgradeToCompactFormat()
    {
        if (Meta.FindById(FormatKey) is not null)
        {
            // Moved by an upgrade that committed; LiteDB drops a collection only outside a transaction.
            if (_db.CollectionExists(Collections.LegacyInteractions)) _db.DropCollection(Collections.LegacyInteractions);
            return;
        }
        lock (_writeGate)
        {
            Transaction(() =>
            {
                if (NeedsCompactFormat())
                {
                    foreach (var index in new[] { "tags", "stg", "own", "ak" }) Customers.DropIndex(index);
                    RewriteCustomers();
                    MoveInteractions();
                }
                Meta.Upsert(new BsonDocument { ["_id"] = FormatKey, ["v"] = CompactFormat });
                return 0;
            });
        }
        if (_db.CollectionExists(Collections.LegacyInteractions)) _db.DropCollection(Collections.LegacyInteractions);
    }

    private void RewriteCustomers()
    {
        BsonValue last = BsonValue.MinValue;
        while (true)
        {
            var batch = Customers.Find(Where.Gt("_id", last), limit: UpgradeBatch).ToList();
            if (batch.Count == 0) return;
            foreach (var old in batch)
            {
                var doc = CustomerDocument.ToBson(LegacyDocuments.ToCustomer(old));
                if (StatsDocument.ToBson(LegacyDocuments.ToStats(StatsOf(old))) is { } stats) doc[StatsField] = stats;
                if (old.TryGetValue(ChangeField, out var change) && !change.IsNull) doc[ChangeField] = change;
                Customers.Update(doc);
            }
            last = batch[^1]["_id"];
        }
    }

    private void MoveInteractions()
    {
        if (!_db.CollectionExists(Collections.LegacyInteractions)) return;
        var legacy = _db.GetCollection(Collections.LegacyInteractions);
        long last = 0;
        while (true)
        {
            var batch = legacy.Find(Where.Gt("_id", last), limit: UpgradeBatch).ToList();
            if (batch.Count == 0) break;
            var docs = batch.Select(d =>
            {
                var interaction = LegacyDocuments.ToInteraction(d);
                var code = Customers.FindById(interaction.Customer.Value)?["_id"].AsString ?? interaction.Customer.Value;
                return InteractionDocument.ToBson(interaction, code, interaction.Id);
            }).ToArray();
            Interactions.InsertBulk(docs, docs.Length);
            last = batch[^1]["_id"].AsInt64;
        }
        Meta.Upsert(new BsonDocument { ["_id"] = InteractionIdKey, ["v"] = last });
    }
}
