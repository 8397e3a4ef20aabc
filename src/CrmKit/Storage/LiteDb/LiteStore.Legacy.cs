using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>The embedded store's upgrades of files written by earlier versions, run when a file is opened for writing.</summary>
internal sealed partial class LiteStore
{
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
}
