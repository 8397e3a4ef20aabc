using CrmKit.Storage;

namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Segments on the PostgreSQL store, and built-in filters evaluated in SQL.</summary>
public sealed class SegmentStoreTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    [Fact]
    public void A_filter_segment_refreshes_in_full_then_by_changes()
    {
        var at = db.Clock.GetUtcNow().AddDays(-10);
        for (var i = 0; i < 10; i++)
            db.Crm.Customers.Create(new Customer($"SEG-{i}", $"s {i}") { Tags = i % 2 == 0 ? ["seg-vip"] : [] });
        db.Crm.Interactions.RecordBatch(Enumerable.Range(0, 10).Select(i => new Interaction($"SEG-{i}", "purchase", "web", at) { Amount = i * 10m }));
        db.Crm.Segments.Define(new SegmentDefinition("big-vips", "VIPs who spent over 25", new SegmentFilter(SegmentClause.HasAnyTag("seg-vip"), SegmentClause.Monetary(ClauseOperator.Greater, 25m))));

        var full = db.Crm.Segments.Refresh("big-vips");
        db.Crm.Interactions.Record(new Interaction("SEG-2", "purchase", "web", at) { Amount = 100m });
        var other = db.Open();
        var changed = other.Segments.RefreshChanged("big-vips");

        Assert.Equal((3, 3), (full.Members, full.Entered));
        Assert.Equal((4, 1, true), (changed.Members, changed.Entered, changed.Incremental));
        Assert.Equal(["SEG-2", "SEG-4", "SEG-6", "SEG-8"], other.Segments.Members("big-vips", PageRequest.First).Items.Select(m => m.Customer.Value));
        Assert.Equal(4, other.Segments.Events("big-vips").Count(e => e.Entered));
        Assert.Equal(db.Crm.Segments.Find("big-vips")!.Filter!.Clauses, other.Segments.Find("big-vips")!.Filter!.Clauses);
    }

    [Fact]
    public async Task The_scan_leaves_out_in_SQL_the_customers_a_built_in_filter_rejects()
    {
        db.Crm.Customers.Create(new Customer("PUSH-1", "p1") { Tags = ["push"], Owner = "ann", Attributes = new Dictionary<string, AttributeValue> { ["city"] = AttributeValue.Text("Oslo"), ["visits"] = AttributeValue.Integer(3) } });
        db.Crm.Customers.Create(new Customer("PUSH-2", "p2") { Tags = ["push"], Owner = "bob", Attributes = new Dictionary<string, AttributeValue> { ["city"] = AttributeValue.Text("Oslo"), ["visits"] = AttributeValue.Integer(9) } });
        db.Crm.Customers.Create(new Customer("PUSH-3", "p3") { Tags = ["push"], Owner = "ann", Attributes = new Dictionary<string, AttributeValue> { ["city"] = AttributeValue.Text("Rome") } });
        var filter = new SegmentFilter(
            SegmentClause.HasAnyTag("push"),
            SegmentClause.OwnerIn("ann", "bob"),
            SegmentClause.StageIn(db.Crm.Customers.Get("PUSH-1").Stage),
            SegmentClause.AttributeIs("city", ClauseOperator.Equal, AttributeValue.Text("Oslo")),
            SegmentClause.AttributeIs("visits", ClauseOperator.Greater, AttributeValue.Integer(5)),
            SegmentClause.Frequency(ClauseOperator.LessOrEqual, 0),
            SegmentClause.Monetary(ClauseOperator.Less, 1m));
        using var store = PostgreSqlStore.Open(db.ConnectionString);

        var codes = await store.ReadAsync(async (s, ct) =>
        {
            var found = new List<string>();
            await foreach (var chunk in s.Customers.ScanAsync(new SnapshotScan { Filter = filter, ChunkSize = 1 }, ct)) found.AddRange(chunk.Select(c => c.Customer.Code.Value));
            return found;
        }, CancellationToken.None);

        Assert.Equal(["PUSH-2"], codes);
    }
}
