namespace CrmKit.Tests.Customers;

public class CreateManyTests
{
    [Fact]
    public void CreateMany_writes_every_customer_with_its_first_stage()
    {
        using var db = TestDatabase.InMemory();
        var created = db.Crm.Customers.CreateMany([new Customer("A", "李伟"), new Customer("B", "فاطمة")]);

        Assert.Equal(["A", "B"], created.Select(c => c.Code.Value));
        Assert.Equal(2, db.Crm.Customers.Count());
        Assert.Equal("prospect", db.Crm.Lifecycle.History("B").Single().To.Name);
        Assert.Equal(2, db.Crm.Customers.CountByStage().Single(s => s.Key == "prospect").Value);
    }

    [Fact]
    public void CreateMany_with_one_invalid_customer_writes_nothing_and_names_its_index()
    {
        using var db = TestDatabase.InMemory();
        var before = db.Snapshot();

        var error = Assert.Throws<CrmValidationException>(() => db.Crm.Customers.CreateMany(
        [
            new Customer("A", "Ann"),
            new Customer("B", "Bob") { Attributes = new Dictionary<string, AttributeValue> { ["age"] = AttributeValue.Text("forty") } },
        ]));

        Assert.Equal("customers[1].attributes.age", error.Field);
        Assert.StartsWith("customers[1].attributes.age: expects Integer", error.Message);
        Assert.Equal(before, db.Snapshot());
    }

    [Fact]
    public void CreateMany_rejects_a_code_given_twice_and_a_code_already_stored()
    {
        using var db = TestDatabase.InMemory();
        var twice = Assert.Throws<CrmValidationException>(() => db.Crm.Customers.CreateMany([new Customer("A", "Ann"), new Customer("A", "Ann again")]));
        Assert.Equal("customers[1].code", twice.Field);

        db.Crm.Customers.Create(new Customer("B", "Bob"));
        var before = db.Snapshot();
        Assert.Throws<DuplicateCustomerException>(() => db.Crm.Customers.CreateMany([new Customer("C", "Cy"), new Customer("B", "Bob again")]));
        Assert.Equal(before, db.Snapshot());
    }

    [Fact]
    public void Validate_checks_without_writing()
    {
        using var db = TestDatabase.InMemory();
        Assert.Throws<CrmValidationException>(() => db.Crm.Customers.Validate(new Customer("A", " ")));
        Assert.Throws<CrmValidationException>(() => db.Crm.Interactions.Validate(new Interaction("A", "purchase", "store", DateTimeOffset.UnixEpoch) { Amount = -1m }));
        db.Crm.Customers.Validate(new Customer("A", "Ann"));
        Assert.Equal(0, db.Crm.Customers.Count());
        Assert.Equal(0, db.Crm.Interactions.Count());
    }
}
