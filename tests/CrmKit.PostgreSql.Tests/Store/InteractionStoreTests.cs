namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>The interaction log and the stats kept with it on the PostgreSQL store.</summary>
public sealed class InteractionStoreTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    [Fact]
    public void A_batch_is_stored_with_ids_in_order_and_its_stats_equal_a_rebuild()
    {
        db.Crm.Customers.Create(new Customer("INT-1", "one"));
        db.Crm.Customers.Create(new Customer("INT-2", "two"));
        var at = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(-5));
        var stored = db.Crm.Interactions.RecordBatch([
            new Interaction("INT-1", "purchase", "web", at) { Amount = 12.50m, Notes = "first" },
            new Interaction("INT-2", "inquiry", "phone", at.AddHours(1)) { Metadata = new Dictionary<string, string> { ["k"] = "v" } },
            new Interaction("INT-1", "purchase", "store", at.AddDays(2)) { Amount = 7m },
        ]);

        Assert.True(stored[0].Id < stored[1].Id && stored[1].Id < stored[2].Id);
        var other = db.Open();
        var stats = other.Interactions.Stats("INT-1");
        Assert.Equal((2, 2, 19.50m), (stats.InteractionCount, stats.PurchaseCount, stats.MonetaryTotal));
        Assert.True(at.AddDays(2).EqualsExact(stats.LastPurchaseAt!.Value));
        Assert.Equal(stats, other.Interactions.RebuildStats("INT-1"));
        var page = other.Interactions.For("INT-2", PageRequest.First).Items.Single();
        Assert.Equal(("v", "phone"), (page.Metadata["k"], page.Channel.Name));
        Assert.True(at.AddHours(1).EqualsExact(page.OccurredAt));
    }

    [Fact]
    public void An_interaction_for_an_unknown_customer_writes_nothing()
    {
        db.Crm.Customers.Create(new Customer("INT-OK", "ok"));
        var before = db.Crm.Interactions.Count();

        Assert.Throws<CustomerNotFoundException>(() => db.Crm.Interactions.RecordBatch([
            new Interaction("INT-OK", "purchase", "web", db.Clock.GetUtcNow()) { Amount = 1m },
            new Interaction("INT-NOBODY", "purchase", "web", db.Clock.GetUtcNow()) { Amount = 1m },
        ]));

        Assert.Equal(before, db.Crm.Interactions.Count());
        Assert.Equal(0, db.Crm.Interactions.Stats("INT-OK").InteractionCount);
    }

    [Fact]
    public void Rebuilding_every_customer_reads_the_whole_log_in_chunks()
    {
        for (var i = 0; i < 30; i++) db.Crm.Customers.Create(new Customer($"RB-{i:00}", $"rb {i}"));
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        db.Crm.Interactions.RecordBatch(Enumerable.Range(0, 1200).Select(n => new Interaction($"RB-{n % 30:00}", "purchase", "web", at.AddMinutes(n)) { Amount = n }));
        var before = Enumerable.Range(0, 30).Select(i => db.Crm.Interactions.Stats($"RB-{i:00}")).ToArray();

        db.Crm.Interactions.RebuildAllStats();

        Assert.Equal(before, Enumerable.Range(0, 30).Select(i => db.Crm.Interactions.Stats($"RB-{i:00}")));
    }
}
