using Npgsql;

namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Server and driver failures surface as CrmStorageException naming the server and database; domain errors stay domain errors.</summary>
public sealed class StoreErrorTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    [Fact]
    public void Opening_a_database_that_does_not_exist_names_the_server_and_database()
    {
        var missing = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = "no_such_crm_db" }.ConnectionString;

        var e = Assert.Throws<CrmStorageException>(() => PostgreSqlStore.Open(missing));

        Assert.Contains("no_such_crm_db", e.Message, StringComparison.Ordinal);
        Assert.Contains("3D000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_the_server_rejects_names_the_store_and_rolls_the_unit_of_work_back()
    {
        using var store = PostgreSqlStore.Open(db.ConnectionString);

        var e = await Assert.ThrowsAsync<CrmStorageException>(async () => await store.WriteAsync<int>(async (s, ct) =>
        {
            await s.Customers.InsertAsync(new Customer("ROLLBACK-1", "kept?"), ct);
            await s.Interactions.AppendAsync([new Interaction("NOT-A-CUSTOMER", "purchase", "web", db.Clock.GetUtcNow())], new Dictionary<CustomerCode, CustomerStats>(), ct);
            return 0;
        }, CancellationToken.None));

        Assert.Contains(store.Location, e.Message, StringComparison.Ordinal);
        Assert.Contains("23503", e.Message, StringComparison.Ordinal);
        Assert.Null(db.Crm.Customers.Find("ROLLBACK-1"));
    }

    [Fact]
    public void A_domain_error_inside_a_unit_of_work_is_not_wrapped()
    {
        Assert.Throws<CustomerNotFoundException>(() => db.Crm.Interactions.Record(new Interaction("NOBODY-AT-ALL", "purchase", "web", db.Clock.GetUtcNow())));
    }
}
