namespace CrmKit.Cli.Tests.Care;

public class CareListCommandTests
{
    private static CliSession WithOptedOutBirthday()
    {
        var session = new CliSession().Init();
        var customers = session.File("customers.csv",
            "code,name,birthday,time-zone,consent:sms\n" +
            "T-1,Ann,1990-06-02,Europe/London,no\n" +
            "T-2,Bob,1985-06-02,Asia/Shanghai,yes\n");
        Assert.Equal(0, session.Crm("import", "customers", customers).Exit);
        var sweep = session.Crm("care", "sweep", "--at", "2026-06-01T12:00:00Z");
        Assert.True(sweep.Exit == 0, sweep.Output + sweep.Error);
        return session;
    }

    [Fact]
    public void Tasks_as_csv_have_a_stable_header_and_iso_instants_with_offsets()
    {
        using var session = WithOptedOutBirthday();
        var (exit, output, error) = session.Crm("care", "tasks", "--csv");
        Assert.True(exit == 0, output + error);
        var lines = output.Split("\r\n");
        Assert.Equal("id,customer,rule,occasion-key,channel,due,proposed-due,priority,owner,status,created-at,closed-at,outcome,note", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^\d+,T-2,birthday,birthday:2026,sms,2026-06-02T10:00:00\+08:00,2026-06-02T10:00:00\+08:00,normal,,open,\d{4}-\d\d-\d\dT[0-9:.]+[+-]\d\d:\d\d,,,$", lines[1]);
        Assert.Equal("", lines[2]);
    }

    [Fact]
    public void Tasks_as_a_table_show_the_columns_a_call_centre_works_from()
    {
        using var session = WithOptedOutBirthday();
        var (exit, output, _) = session.Crm("care", "tasks", "--customer", "T-2");
        Assert.Equal(0, exit);
        Assert.Matches(@"Customer\s*│\s*Rule\s*│\s*Occasion\s*│\s*Channel\s*│\s*Due\s*│\s*Priority\s*│\s*Owner\s*│\s*Status", output);
        Assert.Matches(@"T-2\s*│\s*birthday\s*│\s*birthday:2026\s*│\s*sms\s*│\s*2026-06-02 10:00 \+08:00\s*│\s*normal\s*│\s*-\s*│\s*open", output);
        Assert.Contains("1 task(s).", output);
        Assert.Contains("0 task(s).", session.Crm("care", "tasks", "--customer", "T-1").Output);
        Assert.Contains("0 task(s).", session.Crm("care", "tasks", "--status", "done").Output);
        Assert.Contains("1 task(s).", session.Crm("care", "tasks", "--status", "all").Output);
    }

    [Fact]
    public void Suppressions_say_why_a_customer_got_no_birthday_message()
    {
        using var session = WithOptedOutBirthday();
        var (exit, output, error) = session.Crm("care", "suppressions", "--customer", "T-1", "--rule", "birthday", "--csv");
        Assert.True(exit == 0, output + error);
        var lines = output.Split("\r\n");
        Assert.Equal("customer,rule,occasion-key,channel,reason,detail,at", lines[0]);
        Assert.StartsWith("T-1,birthday,birthday:2026,sms,opted-out,opted out of sms at ", lines[1]);
        Assert.EndsWith(",2026-06-01T12:00:00+00:00", lines[1]);
        Assert.Equal(2, session.Crm("care", "suppressions", "--csv").Output.Split("\r\n").Length - 1);
        Assert.Contains("opted-out", session.Crm("care", "suppressions").Output);
        Assert.Contains("0 suppression(s).", session.Crm("care", "suppressions", "--customer", "T-2").Output);
    }

    [Theory]
    [InlineData("care", "tasks", "--status", "pending")]
    [InlineData("care", "tasks", "--bogus")]
    [InlineData("care", "suppressions", "extra")]
    public void A_wrong_command_line_exits_2(params string[] args)
    {
        using var session = new CliSession().Init();
        Assert.Equal(2, session.Crm(args).Exit);
    }

    [Fact]
    public void An_unknown_customer_exits_1()
    {
        using var session = new CliSession().Init();
        foreach (var command in new[] { "tasks", "suppressions" })
        {
            var (exit, _, error) = session.Crm("care", command, "--customer", "NOBODY");
            Assert.Equal(1, exit);
            Assert.Contains("No customer has code 'NOBODY'", error);
        }
    }
}
