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

    [Theory]
    [InlineData(PgInteractions.CopyFrom - 1)]
    [InlineData(PgInteractions.CopyFrom)]
    public void A_small_or_large_batch_reads_back_field_for_field_with_ids_in_the_batchs_order(int size)
    {
        var prefix = $"BIG{size}-";
        db.Crm.Customers.CreateMany(Enumerable.Range(0, 7).Select(i => new Customer($"{prefix}{i}", $"big {i}")));
        var at = new DateTimeOffset(2026, 2, 1, 8, 30, 0, TimeSpan.FromMinutes(345)).AddTicks(10);
        var given = Enumerable.Range(0, size).Select(n => new Interaction($"{prefix}{n % 7}", n % 3 == 0 ? "inquiry" : "purchase", n % 2 == 0 ? "web" : "store",
            at.AddMinutes(-n).ToOffset(TimeSpan.FromMinutes(n % 5 * 60 - 120)))
        {
            Amount = n % 3 == 0 ? null : n * 1.25m,
            Notes = n % 4 == 0 ? null : $"note {n} 李",
            Outcome = n % 5 == 0 ? "done" : null,
            Staff = n % 6 == 0 ? "sales.li" : null,
            Metadata = n % 2 == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["n"] = $"{n}", ["b"] = "x" },
        }).ToArray();

        var stored = db.Crm.Interactions.RecordBatch(given);

        Assert.True(stored.Zip(stored.Skip(1)).All(p => p.First.Id < p.Second.Id), "ids do not follow the batch's order");
        var back = Enumerable.Range(0, 7).SelectMany(i => db.Open().Interactions.For($"{prefix}{i}", new PageRequest(0, 1_000)).Items).ToDictionary(i => i.Id);
        for (var n = 0; n < size; n++)
        {
            var (want, got) = (given[n], back[stored[n].Id]);
            Assert.Equal((want.Customer, want.Kind, want.Channel, want.Amount, want.Notes, want.Outcome, want.Staff), (got.Customer, got.Kind, got.Channel, got.Amount, got.Notes, got.Outcome, got.Staff));
            Assert.True(want.OccurredAt.EqualsExact(got.OccurredAt), $"{n}: {want.OccurredAt:o} came back {got.OccurredAt:o}");
            Assert.Equal(want.Metadata.OrderBy(m => m.Key), got.Metadata.OrderBy(m => m.Key));
        }
        Assert.All(Enumerable.Range(0, 7), i => Assert.Equal(db.Crm.Interactions.RebuildStats($"{prefix}{i}"), db.Crm.Interactions.Stats($"{prefix}{i}")));
    }

    [Fact]
    public void A_large_batch_naming_an_unknown_customer_writes_nothing()
    {
        db.Crm.Customers.Create(new Customer("BIG-OK", "ok"));
        var at = db.Clock.GetUtcNow();
        var batch = Enumerable.Range(0, PgInteractions.CopyFrom).Select(n => new Interaction(n == 150 ? "BIG-NOBODY" : "BIG-OK", "purchase", "web", at.AddMinutes(-n)) { Amount = 1m });
        var before = db.Crm.Interactions.Count();

        var e = Assert.Throws<CustomerNotFoundException>(() => db.Crm.Interactions.RecordBatch(batch));

        Assert.Equal("BIG-NOBODY", e.Code.Value);
        Assert.Equal(before, db.Crm.Interactions.Count());
        Assert.Equal(0, db.Crm.Interactions.Stats("BIG-OK").InteractionCount);
    }
}
