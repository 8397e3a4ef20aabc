using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

public abstract class MergeContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    [Property(MaxTest = 40)]
    public Property Merge_loses_no_interaction_money_or_tag_and_the_stats_equal_a_rebuild() =>
        Prop.ForAll(
            (from a in Generators.Customer("C0")
             from b in Generators.Customer("C1")
             from batches in Generators.Batches(2)
             select (a, b, batches)).ToArbitrary(),
            input =>
            {
                using var db = Open();
                db.Crm.Customers.Create(input.a);
                db.Crm.Customers.Create(input.b);
                foreach (var batch in input.batches) db.Crm.Interactions.RecordBatch(batch);
                var before0 = db.Crm.Interactions.Stats("C0");
                var before1 = db.Crm.Interactions.Stats("C1");
                var tags = db.Crm.Customers.Get("C0").Tags.Union(db.Crm.Customers.Get("C1").Tags).Order(StringComparer.Ordinal).ToArray();

                var record = db.Crm.Customers.Merge("C0", "C1", "tester", "same phone");

                var after = db.Crm.Interactions.Stats("C0");
                var survivor = db.Crm.Customers.Get("C1");
                return (after.InteractionCount == before0.InteractionCount + before1.InteractionCount
                        && record.InteractionsMoved == before1.InteractionCount
                        && after.MonetaryTotal == before0.MonetaryTotal + before1.MonetaryTotal
                        && survivor.Code == new CustomerCode("C0")
                        && survivor.Tags.SequenceEqual(tags)
                        && after.Equals(db.Crm.Interactions.RebuildStats("C0"))
                        && db.Crm.Interactions.For("C1", new PageRequest(0, 10_000)).Items.Count == after.InteractionCount)
                    .Label($"before {before0.InteractionCount}+{before1.InteractionCount}, after {after.InteractionCount}");
            });

    [Fact]
    public void Merge_moves_contact_points_consents_history_and_group_and_keeps_opt_outs()
    {
        using var db = Open();
        var at = db.Clock.GetUtcNow();
        db.Crm.Customers.Create(new Customer("BANK-A-1", "Chen Jing")
        {
            ContactPoints = [ContactPoint.Phone("+86 138 0000 0001")],
            Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(true, at) },
        });
        db.Crm.Customers.Create(new Customer("BANK-B-7", "陈静")
        {
            ContactPoints = [ContactPoint.Phone("+86 138 0000 0001"), ContactPoint.Email("chen@example.com")],
            Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(false, at.AddDays(-1)), [Channel.Email] = new(true, at) },
            Group = new CustomerGroup(CustomerGroupKind.Household, "H-9"),
        });
        db.Crm.Lifecycle.Change("BANK-B-7", "new", "first account", "teller");

        db.Crm.Customers.Merge("BANK-A-1", "BANK-B-7", "reviewer", "same phone and ID number");

        var survivor = db.Crm.Customers.Get("BANK-B-7");
        Assert.Equal("BANK-A-1", survivor.Code.Value);
        Assert.Equal(2, survivor.ContactPoints.Count);
        Assert.False(survivor.Consents[Channel.Sms].Granted);
        Assert.True(survivor.Consents[Channel.Email].Granted);
        Assert.Equal("H-9", survivor.Group!.Id);
        var history = db.Crm.Lifecycle.History("BANK-A-1");
        Assert.Equal(3, history.Count);
        Assert.All(history.Skip(1), h => Assert.Equal("BANK-B-7", h.MergedFrom!.Value.Value));
        Assert.Throws<DuplicateCustomerException>(() => db.Crm.Customers.Create(new Customer("BANK-B-7", "again")));
        Assert.Contains("BANK-B-7", db.Crm.PersonalData.Export("BANK-A-1"));
    }

    [Fact]
    public void A_chain_of_merges_resolves_every_old_code_to_the_last_survivor()
    {
        using var db = Open();
        db.SeedCustomers(3);
        db.Crm.Customers.Merge("C1", "C2", "tester", "duplicate");
        db.Crm.Customers.Merge("C0", "C1", "tester", "duplicate");

        Assert.Equal("C0", db.Crm.Customers.Get("C2").Code.Value);
        Assert.Throws<CrmValidationException>(() => db.Crm.Customers.Merge("C0", "C2", "tester", "again"));
    }
}
