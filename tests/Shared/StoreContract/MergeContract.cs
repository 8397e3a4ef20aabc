using CrmKit.Storage;
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

    /// <summary>What one side of a generated merge brings: grade changes, a claim (none, in force or run out), tasks on shared occasions.</summary>
    private static Gen<(string[] Grades, int Claim, int[] Occasions)> Side { get; } =
        from grades in Gen.Elements("A", "B", "C", "F", "O").ArrayOf().Where(g => g.Length <= 3)
        from claim in Gen.Choose(0, 2)
        from occasions in Gen.Choose(0, 3).ArrayOf().Where(o => o.Length <= 3).Select(o => o.Distinct().ToArray())
        select (grades, claim, occasions);

    [Property(MaxTest = 25)]
    public Property Merge_loses_no_attribute_value_name_grade_change_claim_or_task() =>
        Prop.ForAll(
            (from a in Generators.Customer("C0")
             from b in Generators.Customer("C1")
             from sides in Side.Two()
             select (a, b, sides)).ToArbitrary(),
            input =>
            {
                using var db = Open();
                var records = new[] { input.a, input.b };
                var sides = new[] { input.sides.Item1, input.sides.Item2 };
                var claims = new Claim?[2];
                for (var i = 0; i < 2; i++)
                {
                    db.Crm.Customers.Create(records[i]);
                    foreach (var grade in sides[i].Grades) db.Crm.Grades.Assign(records[i].Code, grade, "call " + i, "sales." + i);
                    if (sides[i].Claim > 0) claims[i] = db.Crm.Claims.Take(records[i].Code, "sales." + i, TimeSpan.FromDays(sides[i].Claim == 1 ? 30 : 1));
                    foreach (var occasion in sides[i].Occasions) AddTask(db, records[i].Code, $"check-in:{occasion}");
                    db.Clock.Advance(TimeSpan.FromDays(2));
                }
                var before = records.Select(r => db.Crm.Customers.Get(r.Code)).ToArray();
                var grades = records.SelectMany(r => db.Crm.Grades.History(r.Code)).Select(g => (g.From, g.To, g.At, g.Reason, g.Actor)).ToArray();
                var tasks = records.SelectMany(r => db.Crm.Care.For(r.Code)).Select(t => t.Id).Order().ToArray();

                var merge = db.Crm.Customers.Merge("C0", "C1", "reviewer", "same person");
                db.Reopen();

                var survivor = db.Crm.Customers.Get("C1");
                var kept = db.Crm.Identity.Kept("C0");
                bool Held(string field, AttributeValue value, AttributeValue? current) =>
                    value.Equals(current) || kept.Any(k => k.Field == field && k.Value.Equals(value));
                var lostAttributes = before.SelectMany(r => r.Attributes)
                    .Where(a => !Held("attributes." + a.Key, a.Value, survivor.Attributes.GetValueOrDefault(a.Key))).Select(a => a.Key).ToArray();
                var names = db.Crm.Identity.Names("C0").Append(survivor.Name).ToArray();
                var gradesAfter = db.Crm.Grades.History("C0").Select(g => (g.From, g.To, g.At, g.Reason, g.Actor)).ToArray();
                var current = db.Crm.Claims.Current("C0");
                var claimsAfter = new[] { current, merge.KeptClaim }.OfType<Claim>().Select(c => (c.Salesperson, c.At, c.Until)).ToArray();
                var lostClaims = claims.OfType<Claim>().Where(c => !claimsAfter.Contains((c.Salesperson, c.At, c.Until))).ToArray();
                var tasksAfter = db.Crm.Care.For("C0").Select(t => t.Id).Order().ToArray();
                var recorded = db.Crm.Identity.Merges("C0").Single();
                return (lostAttributes.Length == 0
                        && names.Contains(input.a.Name) && names.Contains(input.b.Name)
                        && gradesAfter.Order().SequenceEqual(grades.Order())
                        && merge.GradeChangesMoved == grades.Length - db.Crm.Grades.History("C0").Count(g => g.MergedFrom is null)
                        && lostClaims.Length == 0
                        && tasksAfter.SequenceEqual(tasks)
                        && recorded == merge)
                    .Label($"lost attributes [{string.Join(", ", lostAttributes)}], names [{string.Join(", ", names)}], grades {grades.Length}->{gradesAfter.Length}, " +
                        $"claims lost {lostClaims.Length}, tasks {tasks.Length}->{tasksAfter.Length}");
            });

    private static void AddTask(TestDatabase db, CustomerCode customer, string occasion)
    {
        var now = db.Clock.GetUtcNow();
        var task = new CareTask { Customer = customer, Rule = "check-in", OccasionKey = occasion, Channel = Channel.Phone, Due = now, ProposedDue = now, CreatedAt = now };
        db.Crm.Store.WriteAsync((s, ct) => s.Care.InsertAsync(task, CareKeys.Dedup(task), ct), default).AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public void A_merge_keeps_the_merged_records_differing_values_with_their_source_and_its_name()
    {
        using var db = Open();
        var at = db.Clock.GetUtcNow();
        db.Crm.Customers.Create(new Customer("BANK-A-1", "Chen Jing")
        {
            Owner = "manager.chen",
            Birthday = new DateOnly(1985, 3, 1),
            Attributes = new Dictionary<string, AttributeValue> { ["occupation"] = AttributeValue.Text("teacher"), ["age"] = AttributeValue.Integer(40) },
        });
        db.Clock.Advance(TimeSpan.FromHours(1));
        db.Crm.Customers.Create(new Customer("BANK-B-7", "陈静")
        {
            Owner = "teller.liu",
            TimeZone = "Asia/Shanghai",
            Attributes = new Dictionary<string, AttributeValue> { ["occupation"] = AttributeValue.Text("engineer"), ["age"] = AttributeValue.Integer(40), ["member"] = AttributeValue.Boolean(true) },
        });
        db.Crm.Identity.Link("cards", "7781", "BANK-B-7");
        db.Crm.Grades.Assign("BANK-B-7", "B", "first call", "teller.liu");
        db.Clock.Advance(TimeSpan.FromHours(1));

        var merge = db.Crm.Customers.Merge("BANK-A-1", "BANK-B-7", "reviewer", "same ID number");
        db.Reopen();

        var survivor = db.Crm.Customers.Get("BANK-A-1");
        Assert.Equal(("Chen Jing", "manager.chen", "teacher", 40L, true, "Asia/Shanghai"),
            (survivor.Name, survivor.Owner, survivor.Attributes["occupation"].AsText(), survivor.Attributes["age"].AsInteger(), survivor.Attributes["member"].AsBoolean(), survivor.TimeZone));
        Assert.Equal("B", survivor.Grade);
        var kept = db.Crm.Identity.Kept("BANK-A-1");
        Assert.Equal(["name 陈静", "attributes.occupation engineer", "owner teller.liu"], kept.Select(k => $"{k.Field} {k.Value}"));
        Assert.All(kept, k => Assert.Equal(("BANK-B-7", at.AddHours(1), at.AddHours(2)), (k.MergedFrom!.Value.Value, k.At, k.KeptAt)));
        Assert.All(kept, k => Assert.Null(k.System));
        Assert.Equal(["陈静"], db.Crm.Identity.Names("BANK-B-7"));
        Assert.Equal(("cards", "7781", "BANK-A-1"), db.Crm.Identity.Of("BANK-A-1").Select(i => (i.System, i.Id, i.Customer.Value)).Single());
        Assert.Equal(new CustomerCode("BANK-A-1"), db.Crm.Identity.Find("cards", "7781"));
        Assert.Equal("BANK-B-7", db.Crm.Grades.History("BANK-A-1").Single().MergedFrom?.Value);
        Assert.Equal((1, 1, 3), (merge.GradeChangesMoved, merge.IdentitiesMoved, merge.ValuesKept));
        Assert.Equal(merge, db.Crm.Identity.Merges("BANK-B-7").Single());
    }

    [Fact]
    public void A_claim_in_force_moves_to_the_survivor_and_makes_its_holder_the_owner()
    {
        using var db = Open();
        db.SeedCustomers(2);
        db.Crm.Customers.Update(db.Crm.Customers.Get("C0") with { Owner = "ana" });
        var old = db.Crm.Claims.Take("C0", "ana", TimeSpan.FromDays(1));
        db.Clock.Advance(TimeSpan.FromDays(2));
        var fresh = db.Crm.Claims.Take("C1", "bo");

        var merge = db.Crm.Customers.Merge("C0", "C1", "reviewer", "same person");

        Assert.Equal(fresh with { Customer = "C0" }, db.Crm.Claims.Current("C0"));
        Assert.Equal(old, merge.KeptClaim);
        Assert.Equal("bo", db.Crm.Customers.Get("C0").Owner);
        Assert.Contains(db.Crm.Identity.Kept("C0"), k => k.Field == "owner" && k.Value.AsText() == "ana");
    }

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
