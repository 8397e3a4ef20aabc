using CrmKit.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Recency clauses decided in SQL select exactly the customers the engine's own evaluation selects.</summary>
public sealed class RecencyFilterTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    private static readonly object Seeding = new();
    private static bool _seeded;

    private void Seed()
    {
        lock (Seeding)
        {
            if (_seeded) return;
            var purchases = RecencyGenerators.LastPurchases().ToArray();
            db.Crm.Customers.CreateMany(purchases.Select((_, i) => new Customer($"REC-{i:D3}", $"r {i}") { Tags = i % 3 == 0 ? ["recent-vip"] : [] }));
            db.Crm.Interactions.RecordBatch(purchases.Select((at, i) => (at, i)).Where(p => p.at is not null)
                .Select(p => new Interaction($"REC-{p.i:D3}", "purchase", "store", p.at!.Value) { Amount = 10m }));
            _seeded = true;
        }
    }

    private static List<CustomerSnapshot> Scan(CrmDatabase crm, SnapshotScan scan) =>
        crm.Store.ReadAsync(async (s, ct) =>
        {
            var found = new List<CustomerSnapshot>();
            await foreach (var chunk in s.Customers.ScanAsync(scan, ct)) found.AddRange(chunk);
            return found;
        }, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [Property(MaxTest = 150)]
    public Property A_recency_filter_in_SQL_selects_what_the_engine_selects() =>
        Prop.ForAll(RecencyGenerators.Filter.ToArbitrary(), RecencyGenerators.At.ToArbitrary(), (filter, at) =>
        {
            Seed();
            var everyone = Scan(db.Crm, SnapshotScan.All());
            var expected = everyone.Where(c => filter.Matches(c, at)).Select(c => c.Customer.Code.Value).ToArray();
            var pushed = Scan(db.Crm, new SnapshotScan { Filter = filter, At = at }).Select(c => c.Customer.Code.Value).ToArray();
            var withoutInstant = Scan(db.Crm, new SnapshotScan { Filter = filter }).Count;
            return (pushed.SequenceEqual(expected) && withoutInstant >= pushed.Length)
                .Label($"{filter} at {at:o}: SQL [{string.Join(",", pushed)}], engine [{string.Join(",", expected)}]");
        });

    [Fact]
    public void A_refresh_with_a_recency_filter_keeps_the_members_the_engine_finds()
    {
        Seed();
        var at = RecencyGenerators.Around.AddTicks(3);
        db.Clock.SetUtcNow(at);
        var filter = new SegmentFilter(SegmentClause.RecencyDays(ClauseOperator.LessOrEqual, 30));
        db.Crm.Segments.Define(new SegmentDefinition("recent", "bought within 30 days", filter));

        db.Crm.Segments.Refresh("recent");

        var expected = Scan(db.Crm, SnapshotScan.All()).Where(c => filter.Matches(c, at)).Select(c => c.Customer.Code.Value).Order(StringComparer.Ordinal);
        Assert.Equal(expected, db.Crm.Segments.Members("recent", new PageRequest(0, 1000)).Items.Select(m => m.Customer.Value).Order(StringComparer.Ordinal));
    }
}
