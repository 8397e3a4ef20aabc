namespace CrmKit.Tests.Segments;

/// <summary>A rule that fails for one customer fails alone: the run completes and reports a failure record for that customer.</summary>
public class EvaluationFailureTests
{
    /// <summary>A scripted segment's stand-in: throws for one customer, selects every other customer with tag vip.</summary>
    private sealed class FailsFor(string code) : ISegmentPredicate, ISegmentScriptCompiler
    {
        public bool Matches(CustomerSnapshot customer, DateTimeOffset now) =>
            customer.Customer.Code.Value == code ? throw new InvalidOperationException($"no verdict for {code}") : customer.Customer.Tags.Contains("vip");

        public ISegmentPredicate Compile(SegmentDefinition segment) => this;
    }

    [Fact]
    public void A_refresh_completes_for_the_others_and_reports_the_failing_customer()
    {
        using var db = TestDatabase.InMemory(o => o with { SegmentScripts = new FailsFor("C1") });
        db.SeedCustomers(4);
        foreach (var code in new[] { "C0", "C1", "C2" }) db.Crm.Customers.Update(db.Crm.Customers.Get(code) with { Tags = ["vip"] });
        db.Crm.Segments.Define(new SegmentDefinition("vip", "vip customers", "true"));

        var result = db.Crm.Segments.Refresh("vip");

        Assert.Equal((4, 2), (result.Evaluated, result.Members));
        Assert.Equal([new EvaluationFailure("vip", "C1", "InvalidOperationException", "no verdict for C1")], result.Failures);
        Assert.Equal(["C0", "C2"], db.Crm.Segments.Members("vip", new PageRequest(0, 10)).Items.Select(m => m.Customer.Value));
    }

    [Fact]
    public void A_preview_lists_the_failing_customer_and_does_not_count_it()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(3);
        db.Crm.Customers.Update(db.Crm.Customers.Get("C2") with { Tags = ["vip"] });

        var preview = db.Crm.Segments.Preview(new FailsFor("C0"));

        Assert.Equal((3, 1), (preview.Evaluated, preview.Count));
        Assert.Equal("C0", Assert.Single(preview.Failures).Customer.Value);
    }
}
