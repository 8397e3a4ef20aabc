namespace CrmKit.Tests.Segments;

public class SegmentTests
{
    private static SegmentDefinition Vip() => new("vip", "VIPs who bought within 30 days",
        new SegmentFilter(SegmentClause.HasAnyTag("vip"), SegmentClause.RecencyDays(ClauseOperator.LessOrEqual, 30)));

    [Fact]
    public void Refresh_stores_members_and_records_who_entered_and_left()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(3);
        var c0 = db.Crm.Customers.Get("C0");
        db.Crm.Customers.Update(c0 with { Tags = ["vip"] });
        db.Crm.Interactions.Record(new Interaction("C0", InteractionKind.Purchase, Channel.Store, db.Clock.GetUtcNow().AddDays(-3)) { Amount = 10m });
        db.Crm.Segments.Define(Vip());

        var first = db.Crm.Segments.Refresh("vip");
        Assert.Equal((1, 1, 0, 3), (first.Members, first.Entered, first.Left, first.Evaluated));
        var since = db.Clock.GetUtcNow();
        Assert.Equal(since, db.Crm.Segments.Of("C0").Single().Since);

        db.Clock.Advance(TimeSpan.FromDays(40));
        var second = db.Crm.Segments.Refresh("vip");
        Assert.Equal((0, 0, 1), (second.Members, second.Entered, second.Left));
        var events = db.Crm.Segments.Events("vip", "C0");
        Assert.Equal([true, false], events.Select(e => e.Entered));
        Assert.Equal([1L, 2L], events.Select(e => e.Refresh));
    }

    [Fact]
    public void Explain_names_every_clause_with_what_the_customer_has()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);
        db.Crm.Segments.Define(Vip());
        var why = db.Crm.Segments.Explain("vip", "C0");
        Assert.False(why.Matches);
        Assert.False(why.IsMember);
        Assert.Equal(2, why.Conditions.Count);
        Assert.All(why.Conditions, c => Assert.False(c.Held));
        Assert.Equal("no tags", why.Conditions[0].Observed);
        Assert.Equal("no purchase yet", why.Conditions[1].Observed);
    }

    [Fact]
    public void Attribute_stage_grade_owner_and_value_tier_clauses_hold_as_documented()
    {
        using var db = TestDatabase.InMemory(o => o with { Attributes = Generators.Schema.Define(SegmentClause.ValueTierAttribute, AttributeType.Text) });
        db.Crm.Customers.Create(new Customer("A", "a")
        {
            Grade = "A",
            Owner = "Ana",
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["age"] = AttributeValue.Integer(42),
                ["hobbies"] = AttributeValue.TextList(["golf", "chess"]),
                [SegmentClause.ValueTierAttribute] = AttributeValue.Text("gold"),
            },
        });
        var snapshot = new CustomerSnapshot(db.Crm.Customers.Get("A"), db.Crm.Interactions.Stats("A"));
        var now = db.Clock.GetUtcNow();
        Assert.True(SegmentClause.AttributeIs("age", ClauseOperator.GreaterOrEqual, AttributeValue.Integer(42)).Holds(snapshot, now));
        Assert.False(SegmentClause.AttributeIs("age", ClauseOperator.Greater, AttributeValue.Integer(42)).Holds(snapshot, now));
        Assert.True(SegmentClause.AttributeIs("hobbies", ClauseOperator.Contains, AttributeValue.Text("golf")).Holds(snapshot, now));
        Assert.False(SegmentClause.AttributeIs("balance", ClauseOperator.Less, AttributeValue.Decimal(1m)).Holds(snapshot, now));
        Assert.True(SegmentClause.StageIn("prospect").Holds(snapshot, now));
        Assert.True(SegmentClause.GradeIn("A", "B").Holds(snapshot, now));
        Assert.False(SegmentClause.OwnerIn("Omar").Holds(snapshot, now));
        Assert.True(SegmentClause.ValueTierIn("gold").Holds(snapshot, now));
        Assert.True(SegmentClause.Frequency(ClauseOperator.Equal, 0).Holds(snapshot, now));
        Assert.True(SegmentClause.Monetary(ClauseOperator.Less, 1m).Holds(snapshot, now));
    }

    [Fact]
    public void Bad_clauses_are_rejected_naming_the_field()
    {
        Assert.Equal("clause.operator", Assert.Throws<CrmValidationException>(() => SegmentClause.RecencyDays(ClauseOperator.In, 3)).Field);
        Assert.Equal("clause.values", Assert.Throws<CrmValidationException>(() => SegmentClause.HasAnyTag()).Field);
        Assert.Equal("name", Assert.Throws<CrmValidationException>(() => TestDatabase.InMemory().Crm.Segments.Define(Vip() with { Name = "Not Valid" })).Field);
    }

    [Fact]
    public void A_merged_away_customer_leaves_at_the_next_incremental_refresh()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(2);
        db.Crm.Segments.Define(new SegmentDefinition("everyone", "all", new SegmentFilter()));
        db.Crm.Segments.Refresh("everyone");
        db.Crm.Customers.Merge("C0", "C1", "ana", "same phone");
        var result = db.Crm.Segments.RefreshChanged("everyone");
        Assert.True(result.Incremental);
        Assert.Equal((1, 1, 0), (result.Left, result.Members, result.Entered));
    }

    [Fact]
    public void A_scripted_segment_needs_a_compiler_and_says_so()
    {
        using var db = TestDatabase.InMemory();
        var e = Assert.Throws<CrmValidationException>(() => db.Crm.Segments.Define(new SegmentDefinition("s", "scripted", "true")));
        Assert.Contains("SegmentScripts", e.Message);
    }

    [Fact]
    public void Filters_survive_storage_unchanged()
    {
        using var db = TestDatabase.OnFile();
        var defined = new SegmentDefinition("mix", "several clauses", new SegmentFilter(
            SegmentClause.StageIn("mature"), SegmentClause.HasNoTag("blocked"),
            SegmentClause.AttributeIs("last-visit", ClauseOperator.Less, AttributeValue.Instant(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)))),
            SegmentClause.Monetary(ClauseOperator.GreaterOrEqual, 1000.50m)))
        { Parameters = new Dictionary<string, string> { ["x"] = "1" } };
        db.Crm.Segments.Define(defined);
        db.Reopen();
        var read = db.Crm.Segments.Find("mix")!;
        Assert.Equal(defined.Filter!.Clauses, read.Filter!.Clauses);
        Assert.Equal("1", read.Parameters["x"]);
    }
}
