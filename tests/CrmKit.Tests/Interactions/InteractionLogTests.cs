namespace CrmKit.Tests.Interactions;

public class InteractionLogTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Record_keeps_the_offset_and_every_tick_of_the_instant()
    {
        using var db = TestDatabase.OnFile();
        db.SeedCustomers(1);
        var at = new DateTimeOffset(638_000_000_000_001_234, TimeSpan.FromMinutes(-570));
        db.Crm.Interactions.Record(new Interaction("C0", "purchase", "store", at) { Amount = 1.0001m });
        db.Reopen();

        var stored = db.Crm.Interactions.For("C0", PageRequest.First).Items.Single();
        Assert.True(stored.OccurredAt.EqualsExact(at));
        Assert.Equal(1.0001m, stored.Amount);
        Assert.Equal("1.0001", stored.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_batch_with_an_unknown_customer_writes_nothing()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);
        var before = db.Snapshot();

        var error = Assert.Throws<CustomerNotFoundException>(() => db.Crm.Interactions.RecordBatch(
        [
            new Interaction("C0", "purchase", "store", At) { Amount = 10m },
            new Interaction("nobody", "purchase", "store", At) { Amount = 10m },
        ]));

        Assert.Equal("nobody", error.Code.Value);
        Assert.Equal(before, db.Snapshot());
    }

    [Fact]
    public void A_negative_amount_on_a_purchase_is_rejected_naming_the_field_and_index()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);

        var error = Assert.Throws<CrmValidationException>(() => db.Crm.Interactions.RecordBatch(
        [
            new Interaction("C0", "purchase", "store", At) { Amount = 10m },
            new Interaction("C0", "purchase", "store", At) { Amount = -10m },
        ]));

        Assert.Equal("interactions[1].amount", error.Field);
    }

    [Theory]
    [InlineData(1850)]
    [InlineData(2500)]
    public void An_instant_far_outside_a_sane_range_is_rejected(int year)
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);

        var error = Assert.Throws<CrmValidationException>(() =>
            db.Crm.Interactions.Record(new Interaction("C0", "inquiry", "web", new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero))));

        Assert.Equal("occurredAt", error.Field);
    }

    [Fact]
    public void An_amount_beyond_the_largest_accepted_is_rejected()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);

        var error = Assert.Throws<CrmValidationException>(() =>
            db.Crm.Interactions.Record(new Interaction("C0", "purchase", "web", At) { Amount = decimal.MaxValue }));

        Assert.Equal("amount", error.Field);
    }

    [Fact]
    public void A_refund_lowers_the_monetary_total_but_is_not_a_purchase()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);
        db.Crm.Interactions.RecordBatch(
        [
            new Interaction("C0", "purchase", "store", At) { Amount = 100m },
            new Interaction("C0", "purchase", "store", At.AddDays(30)) { Amount = 50m },
            new Interaction("C0", "refund", "store", At.AddDays(31)) { Amount = -20m },
        ]);

        var stats = db.Crm.Interactions.Stats("C0");

        Assert.Equal(2, stats.PurchaseCount);
        Assert.Equal(1, stats.Frequency);
        Assert.Equal(130m, stats.MonetaryTotal);
        Assert.Equal(65m, stats.AverageSpend);
        Assert.Equal(At.AddDays(31), stats.LastContactAt);
        Assert.Equal(TimeSpan.FromDays(10), stats.Recency(At.AddDays(40)));
    }
}
