namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Erasure on the PostgreSQL store leaves none of the customer's personal strings in any table or dump.</summary>
public sealed class ErasureTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    private static readonly string[] Personal = ["Xyzzy Quuxley", "xyzzy.quux@example.org", "+47 555 01 234", "Plughville", "tag-xyzzy", "Xyzzy called about", "quux-meta-value", "Europe/Oslo", "FAM-XYZZY"];

    [Fact]
    public async Task After_erase_no_personal_string_is_in_any_table_or_dump_and_totals_still_add_up()
    {
        db.Crm.Customers.Create(new Customer("ERASE-1", Personal[0])
        {
            ContactPoints = [ContactPoint.Email(Personal[1]), ContactPoint.Phone(Personal[2])],
            Attributes = new Dictionary<string, AttributeValue> { ["city"] = AttributeValue.Text(Personal[3]) },
            Tags = [Personal[4]],
            TimeZone = Personal[7],
            Group = new CustomerGroup(CustomerGroupKind.Household, Personal[8]),
            Birthday = new DateOnly(1971, 4, 5),
        });
        var at = db.Clock.GetUtcNow().AddDays(-5);
        db.Crm.Interactions.RecordBatch([
            new Interaction("ERASE-1", "purchase", "web", at) { Amount = 40m, Notes = Personal[5] + " an order" },
            new Interaction("ERASE-1", "inquiry", "phone", at.AddHours(2)) { Metadata = new Dictionary<string, string> { ["ref"] = Personal[6] } },
        ]);
        var before = db.Crm.Interactions.Stats("ERASE-1");

        db.Crm.PersonalData.Erase("ERASE-1", "dpo", "request 7");

        var tables = await db.ColumnAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'crmkit' ORDER BY tablename");
        foreach (var table in tables)
        {
            var rows = string.Join("\n", await db.ColumnAsync<string>($"SELECT t::text FROM crmkit.\"{table}\" t"));
            foreach (var text in Personal) Assert.DoesNotContain(text, rows, StringComparison.Ordinal);
        }
        var dump = await db.Database.Cluster.DumpAsync(db.Database.Name);
        Assert.Contains("ERASE-1", dump, StringComparison.Ordinal);
        foreach (var text in Personal) Assert.DoesNotContain(text, dump, StringComparison.Ordinal);
        var after = db.Open().Interactions.Stats("ERASE-1");
        Assert.Equal((before.InteractionCount, before.MonetaryTotal), (after.InteractionCount, after.MonetaryTotal));
        Assert.Equal(before, db.Crm.Interactions.RebuildStats("ERASE-1"));
    }
}
