namespace CrmKit.Cli.Tests.Commands;

/// <summary>Stages changed by rule from the command line: over an imported base, in sweeps, with scripts.</summary>
public class StageCommandTests
{
    private static CliSession Imported()
    {
        var session = new CliSession().Init();
        Assert.Equal(0, session.Crm("import", "customers", session.File("c.csv", "code,name\nC1,王芳\nC2,Li Na\nC3,Bo\n")).Exit);
        // The customers' stages begin when they are imported, now; the purchases came before.
        string DaysAgo(int days) => DateTimeOffset.UtcNow.AddDays(-days).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var import = session.Crm("import", "interactions", session.File("i.csv",
            "customer,kind,channel,occurred-at,amount\n"
            + $"C1,purchase,store,{DaysAgo(5)},100\n"
            + $"C2,purchase,store,{DaysAgo(70)},100\nC2,purchase,store,{DaysAgo(40)},100\nC2,purchase,store,{DaysAgo(10)},100\n"));
        Assert.True(import.Exit == 0, import.Error);
        return session;
    }

    [Fact]
    public void Stage_apply_moves_an_imported_base_along_its_stages_and_a_second_run_changes_nothing()
    {
        using var session = Imported();

        var run = session.Crm("stage", "apply");
        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains("rule first-purchase", run.Output, StringComparison.Ordinal);
        Assert.Contains("rule repeat-purchase", run.Output, StringComparison.Ordinal);
        using (var crm = session.Open())
        {
            Assert.Equal(("new", "growing", "prospect"), (crm.Customers.Get("C1").Stage.Name, crm.Customers.Get("C2").Stage.Name, crm.Customers.Get("C3").Stage.Name));
            Assert.Equal("stage-rules", crm.Lifecycle.History("C2")[^1].Actor);
        }

        var in100Days = DateTimeOffset.UtcNow.AddDays(100).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        var later = session.Crm("stage", "apply", "--at", in100Days);
        Assert.True(later.Exit == 0, later.Error);
        Assert.Contains("rule declining", later.Output, StringComparison.Ordinal);
        var again = session.Crm("stage", "apply", "--at", in100Days);
        Assert.DoesNotContain("rule ", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_script_moves_the_customers_it_selects_and_a_move_the_model_does_not_allow_is_reported()
    {
        using var session = Imported();
        var script = session.File("loyal.csx", "Customer.Frequency >= 2");

        var run = session.Crm("stage", "apply", "--no-built-in", "--script", "mature=" + script);
        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains("not allowed: C2 rule loyal prospect → mature", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, session.Crm("stage", "apply", "--script", "not a spec").Exit);
    }

    [Fact]
    public void With_stage_rules_turned_on_a_care_sweep_moves_stages_first()
    {
        using var session = Imported();
        Assert.Equal(0, session.Crm("configure", "--schema", session.File("rules.json", """{ "stageRules": { "useBuiltIn": true } }""")).Exit);

        var sweep = session.Crm("care", "sweep");
        Assert.True(sweep.Exit == 0, sweep.Error);
        Assert.Contains("rule first-purchase", sweep.Output, StringComparison.Ordinal);
        Assert.Contains("Stage rules: built-in rules", session.Crm("configure", "--schema", session.File("same.json", "{}")).Output, StringComparison.Ordinal);
        using var crm = session.Open();
        Assert.Equal("growing", crm.Customers.Get("C2").Stage.Name);
    }
}
