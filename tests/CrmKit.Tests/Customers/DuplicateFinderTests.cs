namespace CrmKit.Tests.Customers;

public class DuplicateFinderTests
{
    [Fact]
    public void Same_phone_id_number_or_name_and_birthday_are_suggested_strongest_first()
    {
        var schema = AttributeSchema.Empty.Define("id-number", AttributeType.Text);
        using var db = TestDatabase.InMemory(o => o with { Attributes = schema });
        var birthday = new DateOnly(1980, 2, 29);
        db.Crm.Customers.Create(new Customer("CORE-1", "Zhang Wei")
        {
            ContactPoints = [ContactPoint.Phone("+86 (138) 0000-0001")],
            Attributes = new Dictionary<string, AttributeValue> { ["id-number"] = AttributeValue.Text("110101198002290011") },
        });
        db.Crm.Customers.Create(new Customer("CARD-9", "ZHANG  Wei")
        {
            ContactPoints = [ContactPoint.Phone("+8613800000001")],
            Attributes = new Dictionary<string, AttributeValue> { ["id-number"] = AttributeValue.Text("110101198002290011") },
        });
        db.Crm.Customers.Create(new Customer("CORE-2", "José Núñez") { Birthday = birthday });
        db.Crm.Customers.Create(new Customer("WEB-3", "Jose Nunez") { Birthday = birthday });
        db.Crm.Customers.Create(new Customer("WEB-4", "Jose Nunez"));
        db.Crm.Customers.Create(new Customer("WEB-5", "Someone Else") { ContactPoints = [ContactPoint.Email("a@example.com")] });

        var candidates = db.Crm.Customers.FindDuplicates("id-number");

        Assert.Equal(2, candidates.Count);
        Assert.Equal(("CARD-9", "CORE-1"), (candidates[0].First.Value, candidates[0].Second.Value));
        Assert.Equal(["same id-number", "same phone", "similar name"], candidates[0].Reasons);
        Assert.Equal(2.5, candidates[0].Score);
        Assert.Equal(("CORE-2", "WEB-3"), (candidates[1].First.Value, candidates[1].Second.Value));
    }

    [Fact]
    public void A_customer_holding_the_same_phone_twice_is_not_its_own_duplicate()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(new Customer("C0", "Ana") { ContactPoints = [ContactPoint.Phone("+1 555 0100"), ContactPoint.Phone("15550100")] });

        Assert.Empty(db.Crm.Customers.FindDuplicates());
    }
}
