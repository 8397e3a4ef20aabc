namespace CrmKit.Cli.Tests.Docs;

/// <summary>The operator's and the power user's getting-started pages, walked command by command with the real tool.</summary>
public class GettingStartedPagesTests
{
    [Fact]
    public void The_operators_walkthrough_imports_reports_answers_requests_and_backs_up()
    {
        using var walk = DocWalkthrough.Run("getting-started-operator.md");

        Assert.Contains("Customers", walk.OutputOf("crmkit report --db crm.db"));
        Assert.Contains("王芳", walk.OutputOf("crmkit customer show C-001"));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(walk.Folder, "report.html")));
        Assert.Contains("Ana Silva", File.ReadAllText(Path.Combine(walk.Folder, "C-002.json")));
        using var backup = DatabaseOption.Open(Path.Combine(walk.Folder, "crm-backup.db"));
        Assert.Equal(3, backup.Customers.Count());
        Assert.NotEqual("Ana Silva", backup.Customers.Get("C-002").Name);
    }

    [Fact]
    public void The_power_users_walkthrough_checks_previews_stores_and_explains_a_segment_and_sweeps_a_care_script()
    {
        using var walk = DocWalkthrough.Run("getting-started-power-user.md");

        Assert.Contains("1 of 3 customers match", walk.OutputOf("crmkit segment preview"));
        Assert.Contains("C-001", walk.OutputOf("crmkit segment preview"));
        using var crm = DatabaseOption.Open(Path.Combine(walk.Folder, "crm.db"));
        Assert.Equal(["C-001"], crm.Segments.Members("loyal-vips", PageRequest.First).Items.Select(m => m.Customer.Value));
        Assert.Equal(["C-001", "C-003"], crm.Care.Tasks(CareTaskStatus.Open, PageRequest.First).Items.Where(t => t.Rule == "winback").Select(t => t.Customer.Value).Order(StringComparer.Ordinal));
    }
}
