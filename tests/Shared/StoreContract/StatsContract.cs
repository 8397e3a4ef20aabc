using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

public abstract class StatsContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private const int CustomerCount = 4;

    [Property(MaxTest = 60)]
    public Property Incremental_stats_equal_stats_rebuilt_from_the_log() =>
        Prop.ForAll(Generators.Batches(CustomerCount).ToArbitrary(), batches =>
        {
            using var db = Open();
            db.SeedCustomers(CustomerCount);
            foreach (var batch in batches)
            {
                if (batch.Length == 1) db.Crm.Interactions.Record(batch[0]);
                else db.Crm.Interactions.RecordBatch(batch);
            }
            return AllStatsEqualRebuild(db);
        });

    [Property(MaxTest = 15)]
    public Property Stats_stay_equal_to_a_rebuild_when_threads_append_at_once() =>
        Prop.ForAll(Generators.Batches(CustomerCount).ArrayOf().Where(t => t.Length is >= 2 and <= 4).ToArbitrary(), perThread =>
        {
            using var db = Open();
            db.SeedCustomers(CustomerCount);
            Parallel.ForEach(perThread, new ParallelOptions { MaxDegreeOfParallelism = 4 }, batches =>
            {
                foreach (var batch in batches) db.Crm.Interactions.RecordBatch(batch);
            });
            var expectedCount = perThread.Sum(t => t.Sum(b => b.Length));
            var actualCount = Enumerable.Range(0, CustomerCount).Sum(i => db.Crm.Interactions.Stats($"C{i}").InteractionCount);
            return (expectedCount == actualCount && AllStatsEqualRebuild(db)).Label($"{expectedCount} appended, {actualCount} counted");
        });

    [Property(MaxTest = 40)]
    public Property Stats_add_up_the_amounts_of_purchases_and_refunds() =>
        Prop.ForAll(Generators.Batches(1).ToArbitrary(), batches =>
        {
            using var db = Open();
            db.SeedCustomers(1);
            foreach (var batch in batches) db.Crm.Interactions.RecordBatch(batch);
            var all = batches.SelectMany(b => b).ToArray();
            var stats = db.Crm.Interactions.Stats("C0");
            var purchases = all.Where(i => i.Kind == InteractionKind.Purchase).ToArray();
            return stats.PurchaseCount == purchases.Length
                && stats.MonetaryTotal == all.Where(i => i.Kind == InteractionKind.Purchase || i.Kind == InteractionKind.Refund).Sum(i => i.Amount ?? 0)
                && stats.LastPurchaseAt?.UtcTicks == (purchases.Length == 0 ? null : purchases.Max(p => p.OccurredAt.UtcTicks))
                && stats.FirstPurchaseAt?.UtcTicks == (purchases.Length == 0 ? null : purchases.Min(p => p.OccurredAt.UtcTicks))
                && stats.CountsByChannel.Values.Sum() == all.Length;
        });

    private static bool AllStatsEqualRebuild(TestDatabase db)
    {
        for (var i = 0; i < CustomerCount; i++)
        {
            var stored = db.Crm.Interactions.Stats($"C{i}");
            var rebuilt = db.Crm.Interactions.RebuildStats($"C{i}");
            if (!stored.Equals(rebuilt)) return false;
        }
        return true;
    }
}
