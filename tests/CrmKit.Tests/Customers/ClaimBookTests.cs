namespace CrmKit.Tests.Customers;

public class ClaimBookTests
{
    [Fact]
    public void Nobody_else_may_claim_a_lead_for_seven_days_and_the_holder_may_renew()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);

        var claim = db.Crm.Claims.Take("C0", "sales.ana");
        db.Clock.Advance(TimeSpan.FromDays(6));
        var error = Assert.Throws<ClaimLockedException>(() => db.Crm.Claims.Take("C0", "sales.bo"));
        var renewed = db.Crm.Claims.Take("C0", "sales.ana");
        db.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(1)));
        var taken = db.Crm.Claims.Take("C0", "sales.bo");

        Assert.Equal(claim.At + TimeSpan.FromDays(7), claim.Until);
        Assert.Equal("sales.ana", error.Held.Salesperson);
        Assert.True(renewed.Until > claim.Until);
        Assert.Equal("sales.bo", taken.Salesperson);
        Assert.Equal("sales.bo", db.Crm.Customers.Get("C0").Owner);
    }

    [Fact]
    public void A_refused_claim_changes_nothing()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);
        db.Crm.Claims.Take("C0", "sales.ana");
        var before = db.Snapshot();

        Assert.Throws<ClaimLockedException>(() => db.Crm.Claims.Take("C0", "sales.bo"));

        Assert.Equal(before, db.Snapshot());
    }
}
