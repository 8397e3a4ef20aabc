using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

public abstract class EraseContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    [Property(MaxTest = 12)]
    public Property After_erase_no_personal_string_is_left_in_the_store_and_totals_are_unchanged() =>
        Prop.ForAll(
            (from customer in Generators.Customer("C0")
             from batches in Generators.Batches(1)
             select (customer, batches)).ToArbitrary(),
            input =>
            {
                using var db = Open();
                db.Crm.Customers.Create(input.customer);
                db.Crm.Customers.Create(new Customer("OTHER", "Unrelated Person"));
                foreach (var batch in input.batches) db.Crm.Interactions.RecordBatch(batch);
                db.Crm.Checkpoint();
                var before = db.Crm.Interactions.Stats("C0");

                db.Crm.PersonalData.Erase("C0", "privacy-officer", "request 42");
                db.Crm.Checkpoint();

                var personal = PersonalStrings(input.customer, input.batches.SelectMany(b => b)).ToArray();
                // A file store is searched byte by byte (log and data file), a server through its dump; any store through everything it gives back.
                var bytes = db.RawContent();
                var state = StoreState.Capture(db.Crm);
                var leaked = personal.Where(p => Contains(bytes, Encoding.UTF8.GetBytes(p)) || state.Contains(p, StringComparison.Ordinal)).ToArray();
                var after = db.Crm.Interactions.Stats("C0");
                return (leaked.Length == 0 && after.Equals(before) && after.Equals(db.Crm.Interactions.RebuildStats("C0")))
                    .Label($"leaked: {string.Join(" | ", leaked)}");
            });

    [Fact]
    public void Erase_keeps_the_customer_countable_and_records_the_erasure()
    {
        using var db = Open();
        db.Crm.Customers.Create(new Customer("C0", "Layla Haddad") { Tags = ["vip"], ContactPoints = [ContactPoint.Email("layla@example.com")] });
        db.Crm.Interactions.Record(new Interaction("C0", "purchase", "store", db.Clock.GetUtcNow()) { Amount = 99.5m, Notes = "lives on Rue 5" });

        var record = db.Crm.PersonalData.Erase("C0", "privacy-officer", "request 42");

        var erased = db.Crm.Customers.Get("C0");
        Assert.Equal(db.Clock.GetUtcNow(), erased.ErasedAt);
        Assert.Empty(erased.ContactPoints);
        Assert.Empty(db.Crm.Customers.WithTag("vip", PageRequest.First).Items);
        Assert.Equal(1, record.InteractionsScrubbed);
        Assert.Equal(99.5m, db.Crm.Interactions.Stats("C0").MonetaryTotal);
        var export = db.Crm.PersonalData.Export("C0");
        Assert.DoesNotContain("Layla", export);
        Assert.DoesNotContain("Rue 5", export);
        Assert.Contains("request 42", export);
    }

    private static IEnumerable<string> PersonalStrings(Customer c, IEnumerable<Interaction> interactions)
    {
        yield return c.Name;
        foreach (var p in c.ContactPoints) yield return p.Value;
        foreach (var v in c.Attributes.Values)
        {
            if (v.Type == AttributeType.Text) yield return v.AsText();
            if (v.Type == AttributeType.TextList) foreach (var item in v.AsTextList()) yield return item;
        }
        foreach (var i in interactions) if (i.Notes is not null) yield return i.Notes;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
