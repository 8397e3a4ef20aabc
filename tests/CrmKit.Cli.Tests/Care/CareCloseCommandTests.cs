namespace CrmKit.Cli.Tests.Care;

/// <summary>Closing tasks from the command line: the closed loop withdraws the occasion's other channels.</summary>
public class CareCloseCommandTests
{
    private static (CliSession Session, string[] Ids) WelcomeOnTwoChannels()
    {
        var session = new CliSession().Init();
        var customers = session.File("customers.csv", "code,name,time-zone\nT-1,Ann,Europe/London\n");
        Assert.Equal(0, session.Crm("import", "customers", customers).Exit);
        var script = session.File("welcome.csx", "Care.Propose(\"welcome\", Now, \"sms\");\nCare.Propose(\"welcome\", Now, \"email\");\n");
        var sweep = session.Crm("care", "sweep", "--at", "2026-06-01T12:00:00Z", "--no-built-in", "--script", script);
        Assert.True(sweep.Exit == 0, sweep.Output + sweep.Error);
        var ids = CsvTable.Parse(session.Crm("care", "tasks", "--csv").Output).Select(r => r["id"]).ToArray();
        Assert.Equal(2, ids.Length);
        return (session, ids);
    }

    [Theory]
    [InlineData("complete", "--outcome", "reached", "done")]
    [InlineData("decline", "--reason", "not-interested", "declined")]
    public void Closing_one_channel_withdraws_the_other(string command, string option, string text, string status)
    {
        var (session, ids) = WelcomeOnTwoChannels();
        using (session)
        {
            var (exit, output, error) = session.Crm("care", command, ids[0], option, text, "--actor", "agent.li");
            Assert.True(exit == 0, output + error);
            Assert.Contains($"is {status}; 1 task(s) of the occasion on other channels are withdrawn.", output);

            var tasks = CsvTable.Parse(session.Crm("care", "tasks", "--status", "all", "--csv").Output);
            Assert.Equal(status, tasks.Single(t => t["id"] == ids[0])["status"]);
            Assert.Equal(text, tasks.Single(t => t["id"] == ids[0])["outcome"]);
            Assert.Equal("withdrawn", tasks.Single(t => t["id"] == ids[1])["status"]);

            var again = session.Crm("care", command, ids[0], option, text);
            Assert.Equal(1, again.Exit);
        }
    }

    [Fact]
    public void An_unknown_task_exits_1_and_a_missing_outcome_exits_2()
    {
        using var session = new CliSession().Init();
        Assert.Equal(1, session.Crm("care", "complete", "999", "--outcome", "reached").Exit);
        Assert.Equal(2, session.Crm("care", "complete", "999").Exit);
        Assert.Equal(2, session.Crm("care", "decline", "abc", "--reason", "x").Exit);
    }

    [Fact]
    public void A_contact_recorded_afterwards_keeps_the_instant_it_was_made_and_a_future_one_is_refused()
    {
        var (session, ids) = WelcomeOnTwoChannels();
        using (session)
        {
            Assert.Equal(1, session.Crm("care", "complete", ids[0], "--outcome", "reached", "--at", "2999-01-01T00:00:00Z").Exit);
            Assert.Equal(2, session.Crm("care", "complete", ids[0], "--outcome", "reached", "--at", "yesterday").Exit);
            var done = session.Crm("care", "complete", ids[0], "--outcome", "reached", "--at", "2026-06-02T09:30:00+01:00");
            Assert.True(done.Exit == 0, done.Error);
            var task = CsvTable.Parse(session.Crm("care", "tasks", "--status", "done", "--csv").Output).Single();
            Assert.Equal("2026-06-02T09:30:00+01:00", task["closed-at"]);
        }
    }
}
