namespace CrmKit.Tests.Samples;

/// <summary>Runs each scenario sample end to end on a fresh file and checks what it left behind.</summary>
public sealed class ScenarioSampleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-samples", Guid.NewGuid().ToString("N"));

    public ScenarioSampleTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BankSingleView_syncs_two_systems_twice_without_duplicates_and_reviews_and_merges_the_matches()
    {
        var (exit, output) = SampleRunner.Run("BankSingleView", _folder);

        Assert.True(exit == 0, output);
        // The second night updates what changed and creates only the records that are new.
        Assert.Contains("core-banking: 4 record(s): 1 created, 2 updated, 1 unchanged.", output);
        Assert.Contains("cards: 5 record(s): 2 created, 1 updated, 2 unchanged", output);
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(_folder, "bank.db")));
        Assert.Equal(["CARD-7790", "CARD-7796", "CORE-0001", "CORE-0002", "CORE-0003", "CORE-0004"], crm.Customers.All(PageRequest.First).Items.Select(c => c.Code.Value));
        foreach (var (system, id, code) in new[] { ("cards", "7781", "CORE-0001"), ("cards", "7782", "CORE-0002"), ("cards", "7795", "CORE-0004"), ("core-banking", "0001", "CORE-0001"), ("cards", "7790", "CARD-7790") })
            Assert.Equal(new CustomerCode(code), crm.Identity.Find(system, id));
        Assert.Equal(9, crm.Identity.Sources(null, PageRequest.First).Items.Count);

        // Reviewed: three pairs merged, one left apart, nothing open.
        Assert.Empty(crm.Identity.Matches());
        var dismissed = Assert.Single(crm.Identity.Matches(includeDismissed: true));
        Assert.Equal(("CARD-7796", "CORE-0003"), (dismissed.First.Value, dismissed.Second.Value));
        Assert.Equal(["CARD-7781"], crm.Identity.Merges("CORE-0001").Select(m => m.Merged.Value));

        var zhang = crm.Customers.Get("CARD-7781");
        Assert.Equal(("CORE-0001", "Zhang Wei", "manager.chen", "retail"), (zhang.Code.Value, zhang.Name, zhang.Owner, zhang.Attributes["segment"].AsText()));
        Assert.Equal(["savings", "mortgage", "wealth-management"], zhang.Attributes["accounts"].AsTextList());
        Assert.Equal(["credit-card", "travel-card"], zhang.Attributes["cards"].AsTextList());
        Assert.Equal(["ZHANG Wei"], crm.Identity.Names("CORE-0001"));
        Assert.Equal(["gold", "platinum"], crm.Identity.Kept("CORE-0001").Where(k => k.Field == "attributes.segment").Select(k => k.Value.AsText()));
        Assert.All(crm.Identity.Kept("CORE-0001"), k => Assert.Equal("cards", k.System));
        Assert.Equal("private", crm.Customers.Get("CORE-0002").Attributes["segment"].AsText());
        var stats = crm.Interactions.Stats("CORE-0001");
        Assert.Equal(5, stats.InteractionCount);
        Assert.Equal(1_366.50m, stats.MonetaryTotal);
        Assert.Equal(stats, crm.Interactions.RebuildStats("CORE-0001"));
    }

    [Fact]
    public void InsuranceGrading_records_grades_claims_calls_lost_reasons_and_value_tiers()
    {
        var (exit, output) = SampleRunner.Run("InsuranceGrading", _folder);

        Assert.True(exit == 0, output);
        Assert.Contains("Bo is refused", output);
        Assert.Contains("key 1, major 19, normal 30, small 50", output);
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(_folder, "insurance.db")));
        Assert.Equal(["G", "F", "B", "O"], crm.Grades.History("L-001").Select(g => g.To));
        Assert.Equal("sales.bo", crm.Claims.Current("L-001")!.Salesperson);
        Assert.Equal(new StageId("lost"), crm.Customers.Get("L-003").Stage);
        Assert.StartsWith("pain point", crm.Lifecycle.History("L-003")[^1].Reason);
        var acme = crm.Interactions.Stats("L-001");
        Assert.Equal(2, acme.CountsByKind["call"]);
        Assert.Equal(48_000m, acme.MonetaryTotal);
        Assert.Equal(100, crm.Customers.All(new PageRequest(0, 1_000)).Items.Count);
    }
}
