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
                db.Crm.Customers.Create(input.customer with { Owner = "rep.a" });
                db.Crm.Customers.Create(new Customer("OTHER", "Unrelated Person"));
                foreach (var batch in input.batches) db.Crm.Interactions.RecordBatch(batch);
                // Free text about the customer in a case, a contact attempt and an owner change.
                var name = input.customer.Name;
                var opened = db.Crm.Cases.Open("C0", "complaint", TaskPriority.Normal, name, Channel.Phone, "desk");
                db.Crm.Cases.Attempt(opened.Id, AttemptOutcome.NoAnswer, "agent.a", new AttemptDetails { Note = name });
                db.Crm.Queues.Reassign("rep.a", "rep.b", "lead", name);
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

    [Fact]
    public void The_export_lists_contact_attempts_and_owner_changes_and_erasure_drops_their_notes()
    {
        using var db = Open();
        db.Crm.Customers.Create(new Customer("C0", "Layla Haddad") { Owner = "rep.a" });
        var opened = db.Crm.Cases.Open("C0", "complaint", TaskPriority.High, "Billing", Channel.Phone, "desk");
        db.Crm.Cases.Attempt(opened.Id, AttemptOutcome.Busy, "agent.zhao", new AttemptDetails { Note = "Layla asked for the evening" });
        db.Crm.Queues.Reassign("rep.a", "rep.b", "head.of.sales", "Layla's rep left");

        var export = System.Text.Json.Nodes.JsonNode.Parse(db.Crm.PersonalData.Export("C0"))!;
        var attempt = Assert.Single(export["contactAttempts"]!.AsArray())!;
        Assert.Equal(("Busy", "agent.zhao", opened.Id, "Layla asked for the evening"),
            (attempt["outcome"]!.GetValue<string>(), attempt["actor"]!.GetValue<string>(), attempt["case"]!.GetValue<long>(), attempt["note"]!.GetValue<string>()));
        var change = Assert.Single(export["ownerChanges"]!.AsArray())!;
        Assert.Equal(("Reassigned", "rep.a", "rep.b", "Layla's rep left"),
            (change["change"]!.GetValue<string>(), change["from"]!.GetValue<string>(), change["to"]!.GetValue<string>(), change["note"]!.GetValue<string>()));

        db.Crm.PersonalData.Erase("C0", "privacy-officer", "request 42");
        var after = db.Crm.PersonalData.Export("C0");
        Assert.DoesNotContain("Layla", after);
        Assert.Contains("\"contactAttempts\"", after);
        Assert.Contains("rep.b", after);
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
