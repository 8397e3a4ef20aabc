using CrmKit.Storage.LiteDb;

namespace CrmKit.Tests.Storage;

/// <summary>
/// The embedded store lowers LiteDB's transaction page pool (LiteDB offers no setting for it), so a
/// refresh, sweep or import over a large base spills to the log instead of holding 800 MB.
/// </summary>
public class TransactionMemoryTests
{
    [Fact]
    public void An_open_database_leaves_its_transactions_the_lowered_page_pool()
    {
        using var db = TestDatabase.OnFile();
        var store = (LiteStore)db.Crm.Store;
        Assert.Equal(TransactionMemory.Pages, store.FreeTransactionPages);

        db.SeedCustomers(3);
        db.Crm.Segments.Define(new SegmentDefinition("all", "everyone", new SegmentFilter(SegmentClause.Monetary(ClauseOperator.GreaterOrEqual, 0m))));
        db.Crm.Segments.Refresh("all");
        Assert.Equal(TransactionMemory.Pages, store.FreeTransactionPages);
    }

    [Fact]
    public void A_database_in_memory_gets_the_same_pool()
    {
        using var db = TestDatabase.InMemory();
        Assert.Equal(TransactionMemory.Pages, ((LiteStore)db.Crm.Store).FreeTransactionPages);
    }
}
