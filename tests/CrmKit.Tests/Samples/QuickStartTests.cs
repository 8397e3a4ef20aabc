namespace CrmKit.Tests.Samples;

public class QuickStartTests
{
    [Fact]
    public void QuickStart_creates_crm_db_then_reuses_it_without_duplicating_history()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crmkit-quickstart", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var first = SampleRunner.Run("QuickStart", folder);
            var second = SampleRunner.Run("QuickStart", folder);

            Assert.True(first.ExitCode == 0, first.Output);
            Assert.True(second.ExitCode == 0, second.Output);
            Assert.Contains("Created crm.db", first.Output);
            Assert.Contains("Opened crm.db", second.Output);
            Assert.DoesNotContain("Recorded", second.Output);

            using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(folder, "crm.db")));
            var customers = crm.Customers.All(PageRequest.First).Items;
            Assert.Equal(["D-1001", "D-1002", "D-1003"], customers.Select(c => c.Code.Value));
            Assert.Equal(new StageId("growing"), crm.Customers.Get("D-1003").Stage);
            var family = crm.Interactions.Stats("D-1001");
            Assert.Equal(6, family.InteractionCount); // four from the history, one inquiry per run
            Assert.Equal(32_900m, family.MonetaryTotal);
            Assert.Equal(crm.Interactions.RebuildStats("D-1003"), crm.Interactions.Stats("D-1003"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
