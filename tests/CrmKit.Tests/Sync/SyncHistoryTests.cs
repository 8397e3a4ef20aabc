using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Tests.Sync;

/// <summary>
/// A feed is a change like any other: the owner and grade it sets on an existing customer, and the
/// stage it gives a new one, are recorded in the same histories a change by hand goes to, by the
/// feed's actor.
/// </summary>
public class SyncHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void An_owner_and_a_grade_set_by_a_feed_are_recorded_by_the_feeds_actor()
    {
        using var crm = CrmDatabase.Open(CrmOptions.InMemory() with { TimeProvider = new FakeTimeProvider(Now) });
        crm.Customers.Create(new Customer("C-1", "Li Na") { Owner = "ana" });

        crm.Customers.Sync([new SourceRecord(new Customer("C-1", "Li Na") { Owner = "bo", Grade = "A" })], new SyncOptions { Actor = "nightly-feed" });

        var owner = Assert.Single(crm.Queues.OwnerHistory("C-1"));
        Assert.Equal(("ana", "bo", "nightly-feed"), (owner.From, owner.To, owner.Actor));
        var grade = Assert.Single(crm.Grades.History("C-1"));
        Assert.Equal(("A", "nightly-feed"), (grade.To, grade.Actor));
        Assert.Equal("bo", crm.Customers.Get("C-1").Owner);
    }

    [Fact]
    public void A_new_customers_stage_from_a_feed_is_recorded_with_the_reason_imported()
    {
        using var crm = CrmDatabase.Open(CrmOptions.InMemory() with { TimeProvider = new FakeTimeProvider(Now) });

        crm.Customers.Sync([new SourceRecord(new Customer("C-2", "Wang Fang")) { Stage = "new" }], new SyncOptions());

        var change = Assert.Single(crm.Lifecycle.History("C-2"));
        Assert.Equal(("new", "imported", "import"), (change.To.Name, change.Reason, change.Actor));
    }
}
