namespace CrmKit.Cli.Tests.Commands;

/// <summary>A complaint worked through the CLI as a call-centre agent would: opened, queued, answered, resolved, followed up.</summary>
public class CaseCommandTests
{
    private static CliSession WithOneCustomer()
    {
        var session = new CliSession().Init();
        Assert.Equal(0, session.Crm("import", "customers", session.File("c.csv", "code,name\nT-1,Li Na\nT-2,Bo\n")).Exit);
        return session;
    }

    [Fact]
    public void A_complaint_goes_from_open_to_resolved_with_its_history_and_a_satisfaction_check()
    {
        using var session = WithOneCustomer();
        var (exit, output, error) = session.Crm("case", "open", "T-1", "--category", "complaint", "--priority", "high", "--subject", "Charged twice\u001b[31m", "--actor", "desk.li");
        Assert.True(exit == 0, error);
        Assert.StartsWith("Case 1 opened for T-1", output, StringComparison.Ordinal);

        var queue = session.Crm("case", "list", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, queue.Length);
        Assert.StartsWith("1,T-1,complaint,high,open,", queue[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', session.Crm("case", "list").Output);

        Assert.Equal(0, session.Crm("case", "assign", "1", "agent.zhao").Exit);
        Assert.Equal(0, session.Crm("case", "start", "1", "--actor", "agent.zhao").Exit);
        Assert.Equal(0, session.Crm("case", "respond", "1", "--actor", "agent.zhao", "--note", "called back").Exit);
        Assert.Equal(0, session.Crm("case", "list", "--owner", "agent.zhao", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 2);
        var resolved = session.Crm("case", "resolve", "1", "--cause", "billing-error", "--summary", "second charge refunded", "--actor", "agent.zhao");
        Assert.True(resolved.Exit == 0, resolved.Error);
        Assert.Contains("satisfaction check task", resolved.Output, StringComparison.Ordinal);

        Assert.Single(session.Crm("case", "list", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        var all = session.Crm("case", "list", "--all", "--csv").Output;
        Assert.Contains(",resolved,agent.zhao,", all, StringComparison.Ordinal);
        Assert.Contains(",billing-error,", all, StringComparison.Ordinal);
        var shown = session.Crm("case", "show", "1").Output;
        foreach (var change in new[] { "opened", "assigned", "started", "responded", "resolved" }) Assert.Contains(change, shown, StringComparison.Ordinal);
        Assert.Contains("case-satisfaction", session.Crm("care", "tasks", "--csv").Output, StringComparison.Ordinal);
        Assert.Contains("complaint", session.Crm("case", "figures", "--by", "category").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_the_lifecycle_does_not_allow_and_an_unknown_case_are_refused_and_change_nothing()
    {
        using var session = WithOneCustomer();
        Assert.Equal(0, session.Crm("case", "open", "T-2", "--category", "inquiry", "--subject", "Opening hours").Exit);

        var close = session.Crm("case", "close", "1");
        Assert.NotEqual(0, close.Exit);
        Assert.Contains("open", close.Error, StringComparison.OrdinalIgnoreCase);
        var missing = session.Crm("case", "assign", "9", "agent.a");
        Assert.NotEqual(0, missing.Exit);
        Assert.Contains("No case has id 9", missing.Error, StringComparison.Ordinal);
        Assert.Contains(",open,", session.Crm("case", "list", "--csv").Output, StringComparison.Ordinal);
        Assert.Contains("Open case", session.Crm("customer", "show", "T-2").Output, StringComparison.Ordinal);
    }
}
