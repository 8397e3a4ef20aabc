namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Service cases on PostgreSQL: kept whole, shared by instances, and a stale change from another instance is a conflict.</summary>
public sealed class CaseStoreTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    [Fact]
    public async Task A_case_changed_by_one_instance_is_seen_by_another_and_a_stale_change_is_refused()
    {
        db.Crm.Customers.Create(new Customer("CASE-1", "Zhou Min"));
        var opened = db.Crm.Cases.Open("CASE-1", "complaint", TaskPriority.High, "No signal at home", Channel.Phone, "desk");
        var other = db.Open();
        using var store = PostgreSqlStore.Open(new PostgreSqlStoreOptions { ConnectionString = db.ConnectionString });
        var before = await store.ReadAsync((s, ct) => s.Cases.FindAsync(opened.Id, ct), default);
        other.Cases.Assign(opened.Id, "agent.a", "desk", note: "field team informed");

        var seen = db.Crm.Cases.Get(opened.Id);
        Assert.Equal(("agent.a", CaseStatus.Assigned, "field team informed"), (seen.Owner, seen.Status, seen.History[^1].Note));
        Assert.Equal(opened.OpenedAt, seen.OpenedAt);
        Assert.Equal(opened.FirstResponseDue.Offset, seen.FirstResponseDue.Offset);
        Assert.Equal([opened.Id], other.Cases.List(new CrmKit.Storage.CaseQuery { Owner = "agent.a" }).Select(c => c.Id));

        var stale = Assert.IsType<CrmKit.Storage.CaseRecord>(before);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync(async (s, ct) =>
        {
            await s.Cases.UpdateAsync(stale, stale.Changes, ct);
            return 0;
        }, default).AsTask());
        Assert.Equal((1, 2), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal("agent.a", other.Cases.Get(opened.Id).Owner);
    }
}
