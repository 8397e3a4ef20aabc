using LiteDB;

namespace CrmKit.Tests.Storage.Formats;

/// <summary>
/// Files written before stats moved into the customer documents kept them in a "stats" collection
/// with the change marks. Opening such a file moves them in once: figures, change marks and
/// incremental refreshes carry on as before, and the old collection is gone.
/// </summary>
public class LegacyStatsTests
{
    [Fact]
    public void Opening_a_file_with_a_stats_collection_moves_the_stats_into_the_customers()
    {
        using var db = TestDatabase.OnFile();
        db.SeedCustomers(3);
        db.Crm.Interactions.Record(new Interaction("C0", InteractionKind.Purchase, Channel.Store, db.Clock.GetUtcNow()) { Amount = 120.50m });
        db.Crm.Interactions.Record(new Interaction("C1", InteractionKind.Inquiry, Channel.Phone, db.Clock.GetUtcNow()));
        db.Crm.Segments.Define(new SegmentDefinition("buyers", "bought anything",
            new SegmentFilter(SegmentClause.Monetary(ClauseOperator.Greater, 0m))));
        db.Crm.Segments.Refresh("buyers");
        var before = Enumerable.Range(0, 3).ToDictionary(i => $"C{i}", i => db.Crm.Interactions.Stats($"C{i}"));
        db.Crm.Dispose();
        FirstFormatFile.Rewrite(db.FilePath);
        WriteOldLayout(db.FilePath);

        db.Reopen();

        foreach (var (code, stats) in before) Assert.Equal(stats, db.Crm.Interactions.Stats(code));
        Assert.DoesNotContain("stats", ((CrmKit.Storage.LiteDb.LiteStore)db.Crm.Store).CollectionNames());
        db.Crm.Interactions.Record(new Interaction("C2", InteractionKind.Purchase, Channel.Web, db.Clock.GetUtcNow()) { Amount = 9m });
        var refresh = db.Crm.Segments.RefreshChanged("buyers");
        Assert.Equal(1, refresh.Evaluated);
        Assert.Equal(2, refresh.Members);
    }

    /// <summary>Rewrites a first-format file the way earlier versions stored stats: a collection of their own, keyed by code.</summary>
    private static void WriteOldLayout(string path)
    {
        using var lite = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var customers = lite.GetCollection("customers");
        var stats = lite.GetCollection("stats");
        foreach (var customer in customers.FindAll().ToList())
        {
            var doc = customer["st"].AsDocument;
            doc["_id"] = customer["_id"];
            doc["cs"] = customer["cs"];
            stats.Insert(doc);
            customer.Remove("st");
            customer.Remove("cs");
            customers.Update(customer);
        }
        stats.EnsureIndex("cs", "$.cs");
    }
}
