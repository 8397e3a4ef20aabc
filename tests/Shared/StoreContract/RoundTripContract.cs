using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

public abstract class RoundTripContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    [Property(MaxTest = 25)]
    public Property Every_field_and_attribute_type_round_trips_through_the_file() =>
        Prop.ForAll(Generators.Customer("客户-001 🚗").ToArbitrary(), customer =>
        {
            using var db = Open();
            db.Crm.Customers.Create(customer);
            db.Reopen();

            var stored = db.Crm.Customers.Get(customer.Code);
            var sameAttributes = customer.Attributes.Count == stored.Attributes.Count
                && customer.Attributes.All(a => stored.Attributes[a.Key].Equals(a.Value));
            var sameConsents = customer.Consents.All(c => stored.Consents[c.Key].Equals(c.Value));
            return (stored.Name == customer.Name
                    && sameAttributes
                    && sameConsents
                    && stored.ContactPoints.SequenceEqual(customer.ContactPoints)
                    && stored.Tags.SequenceEqual(customer.Tags.Distinct().Order(StringComparer.Ordinal))
                    && stored.Birthday == customer.Birthday
                    && stored.Version == 1)
                .Label($"stored {stored.Name}");
        });

    [Property(MaxTest = 8)]
    public Property Customers_created_together_are_stored_as_if_created_one_by_one() =>
        Prop.ForAll(
            (from a in Generators.Customer("B-0")
             from b in Generators.Customer("B-1 客户")
             from c in Generators.Customer("B-2")
             select new[] { a, b, c with { Grade = null, ContactPoints = [], Consents = new Dictionary<Channel, Consent>() } }).ToArbitrary(),
            customers =>
            {
                using var together = Open();
                using var oneByOne = Open();

                together.Crm.Customers.CreateMany(customers);
                foreach (var customer in customers) oneByOne.Crm.Customers.Create(customer);

                return StoreState.Capture(together.Crm) == StoreState.Capture(oneByOne.Crm);
            });

    [Fact]
    public void Creating_customers_together_reports_the_first_taken_code_in_the_order_given_and_writes_nothing()
    {
        using var db = Open();
        db.Crm.Customers.Create(new Customer("T-5", "taken"));
        db.Crm.Customers.Create(new Customer("M-1", "merged away"));
        db.Crm.Customers.Create(new Customer("K-1", "kept"));
        db.Crm.Customers.Merge("K-1", "M-1", "tester", "same person");
        var before = StoreState.Capture(db.Crm);
        var sequence = StoreState.ChangeSequence(db.Crm);

        var aliasFirst = Assert.Throws<DuplicateCustomerException>(() => db.Crm.Customers.CreateMany(
            [new Customer("N-0", "new"), new Customer("M-1", "an alias's code"), new Customer("N-2", "new"), new Customer("T-5", "a customer's code")]));
        var customerFirst = Assert.Throws<DuplicateCustomerException>(() => db.Crm.Customers.CreateMany(
            [new Customer("N-0", "new"), new Customer("T-5", "a customer's code"), new Customer("M-1", "an alias's code")]));

        Assert.Equal(("M-1", "T-5"), (aliasFirst.Code.Value, customerFirst.Code.Value));
        Assert.Equal(before, StoreState.Capture(db.Crm));
        Assert.Empty(StoreState.ChangedSince(db.Crm, sequence));
    }

    [Property(MaxTest = 40)]
    public Property Decimal_precision_and_instant_offsets_survive_storage() =>
        Prop.ForAll(
            (from lo in Gen.Choose(int.MinValue, int.MaxValue)
             from mid in Gen.Choose(int.MinValue, int.MaxValue)
             from hi in Gen.Choose(0, 100_000)
             from negative in Gen.Elements(true, false)
             from scale in Gen.Choose(0, 28)
             from at in Generators.Instant
             select (value: new decimal(lo, mid, hi, negative, (byte)scale), at)).ToArbitrary(),
            input =>
            {
                using var db = Open();
                db.Crm.Customers.Create(new Customer("C0", "x")
                {
                    Attributes = new Dictionary<string, AttributeValue>
                    {
                        ["balance"] = AttributeValue.Decimal(input.value),
                        ["last-visit"] = AttributeValue.Instant(input.at),
                    },
                });
                db.Reopen();
                var stored = db.Crm.Customers.Get("C0").Attributes;
                var d = stored["balance"].AsDecimal();
                return (d == input.value && d.Scale == input.value.Scale && stored["last-visit"].AsInstant().EqualsExact(input.at))
                    .Label($"{input.value} became {d}");
            });

    [Fact]
    public void An_attribute_of_the_wrong_type_is_rejected_with_its_name()
    {
        using var db = Open();

        var error = Assert.Throws<CrmValidationException>(() => db.Crm.Customers.Create(new Customer("C0", "x")
        {
            Attributes = new Dictionary<string, AttributeValue> { ["age"] = AttributeValue.Text("forty") },
        }));

        Assert.Equal("attributes.age", error.Field);
        Assert.Contains("expects Integer but got Text \"forty\"", error.Message);
    }

    [Fact]
    public void An_undeclared_attribute_is_rejected_with_its_name()
    {
        using var db = Open();

        var error = Assert.Throws<CrmValidationException>(() => db.Crm.Customers.Create(new Customer("C0", "x")
        {
            Attributes = new Dictionary<string, AttributeValue> { ["shoe-size"] = AttributeValue.Integer(42) },
        }));

        Assert.Equal("attributes.shoe-size", error.Field);
    }

    [Theory]
    [InlineData(null, "code")]
    [InlineData("", "code")]
    [InlineData(" padded", "code")]
    public void A_bad_code_is_rejected_naming_the_field(string? code, string field)
    {
        var error = Assert.Throws<CrmValidationException>(() => new Customer(code!, "x"));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void An_oversized_name_is_rejected_and_nothing_is_written()
    {
        using var db = Open();
        var before = StoreState.Capture(db.Crm);

        var error = Assert.Throws<CrmValidationException>(() => db.Crm.Customers.Create(new Customer("C0", new string('x', 201))));

        Assert.Equal("name", error.Field);
        Assert.Equal(before, StoreState.Capture(db.Crm));
    }

    [Fact]
    public void Customers_are_found_by_tag_stage_owner_and_attribute_in_pages()
    {
        using var db = Open();
        for (var i = 0; i < 25; i++)
        {
            db.Crm.Customers.Create(new Customer($"C{i:D2}", $"Customer {i}")
            {
                Tags = i % 2 == 0 ? ["even"] : ["odd"],
                Owner = i < 10 ? "Ana" : "Bo",
                Attributes = new Dictionary<string, AttributeValue>
                {
                    ["age"] = AttributeValue.Integer(30 + i % 3),
                    ["hobbies"] = AttributeValue.TextList(i % 5 == 0 ? ["golf", "fishing"] : ["chess"]),
                },
            });
        }
        db.Crm.Lifecycle.Change("C03", "new", "delivered", "sales");

        var firstPage = db.Crm.Customers.WithTag("even", new PageRequest(0, 10));
        var secondPage = db.Crm.Customers.WithTag("even", firstPage.Items.Count == 10 ? new PageRequest(10, 10) : default);

        Assert.Equal(13, firstPage.Items.Count + secondPage.Items.Count);
        Assert.True(firstPage.HasMore);
        Assert.False(secondPage.HasMore);
        Assert.Equal(["C03"], db.Crm.Customers.InStage("new", PageRequest.First).Items.Select(c => c.Code.Value));
        Assert.Equal(10, db.Crm.Customers.OwnedBy("Ana", PageRequest.First).Items.Count);
        Assert.Equal(8, db.Crm.Customers.WithAttribute("age", AttributeValue.Integer(31), PageRequest.First).Items.Count);
        Assert.Equal(5, db.Crm.Customers.WithAttribute("hobbies", AttributeValue.Text("golf"), PageRequest.First).Items.Count);
    }
}
