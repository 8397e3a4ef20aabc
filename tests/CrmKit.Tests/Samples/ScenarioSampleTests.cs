namespace CrmKit.Tests.Samples;

/// <summary>Runs each scenario sample end to end on a fresh file and checks what it left behind.</summary>
public sealed class ScenarioSampleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-samples", Guid.NewGuid().ToString("N"));

    public ScenarioSampleTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BankSingleView_matches_reviews_and_merges_the_duplicates_from_two_systems()
    {
        var (exit, output) = SampleRunner.Run("BankSingleView", _folder);

        Assert.True(exit == 0, output);
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(_folder, "bank.db")));
        Assert.Equal(["CARD-7790", "CORE-0001", "CORE-0002", "CORE-0003"], crm.Customers.All(PageRequest.First).Items.Select(c => c.Code.Value));
        var zhang = crm.Customers.Get("CARD-7781");
        Assert.Equal("CORE-0001", zhang.Code.Value);
        Assert.Equal("manager.chen", zhang.Owner);
        Assert.Equal(["savings", "mortgage", "credit-card"], zhang.Attributes["products"].AsTextList());
        var stats = crm.Interactions.Stats("CORE-0001");
        Assert.Equal(5, stats.InteractionCount);
        Assert.Equal(1_366.50m, stats.MonetaryTotal);
        Assert.Equal(stats, crm.Interactions.RebuildStats("CORE-0001"));
        Assert.Empty(crm.Customers.FindDuplicates("id-number"));
        Assert.Contains("CARD-7781 now resolves to CORE-0001", output);
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
