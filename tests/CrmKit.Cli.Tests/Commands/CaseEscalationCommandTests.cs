using System.Globalization;

namespace CrmKit.Cli.Tests.Commands;

/// <summary>
/// A call-centre supervisor's day through the CLI: the case policy set with the database, complaints
/// opened (some logged after they came in), one answered late, the late ones escalated once, and the
/// escalations seen in <c>case list</c> and <c>case show</c>.
/// </summary>
public class CaseEscalationCommandTests
{
    /// <summary>Complaints get a first response within an hour of round-the-clock working time, escalated to the supervisor; anything else has a day and never escalates.</summary>
    private const string Settings = """
        {
          "casePolicy": {
            "timeZone": "UTC",
            "hours": { "monday": ["00:00-24:00"], "tuesday": ["00:00-24:00"], "wednesday": ["00:00-24:00"], "thursday": ["00:00-24:00"],
                       "friday": ["00:00-24:00"], "saturday": ["00:00-24:00"], "sunday": ["00:00-24:00"] },
            "rules": [
              { "firstResponse": "1d", "resolution": "5d" },
              { "category": "complaint", "firstResponse": "1h", "resolution": "8h",
                "firstResponseEscalation": { "level": "supervisor", "owner": "lead.wu" },
                "resolutionEscalation": { "level": "manager" } }
            ]
          }
        }
        """;

    private static string Ago(TimeSpan span) => (DateTimeOffset.UtcNow - span).ToString("o", CultureInfo.InvariantCulture);

    [Fact]
    public void Late_complaints_are_escalated_once_to_the_supervisor_and_the_escalation_shows_in_the_queue_and_the_case()
    {
        using var session = new CliSession();
        var init = session.Crm("init", "--schema", session.File("s.json", Settings));
        Assert.True(init.Exit == 0, init.Output + init.Error);
        Assert.Contains("Case policy: 2 deadline rule(s), 1 escalating", init.Output, StringComparison.Ordinal);
        Assert.Equal(0, session.Crm("import", "customers", session.File("c.csv", "code,name\nT-1,Li Na\nT-2,Bo\n")).Exit);

        // Two complaints came in by phone three hours ago and were logged now; one came in ten minutes ago; an inquiry three hours ago.
        var opened = session.Crm("case", "open", "T-1", "--category", "complaint", "--subject", "Charged twice\u001b[2J", "--at", Ago(TimeSpan.FromHours(3)));
        Assert.True(opened.Exit == 0, opened.Error);
        Assert.Equal(0, session.Crm("case", "open", "T-2", "--category", "complaint", "--subject", "No signal", "--at", Ago(TimeSpan.FromHours(3))).Exit);
        Assert.Equal(0, session.Crm("case", "open", "T-2", "--category", "complaint", "--subject", "Slow line", "--at", Ago(TimeSpan.FromMinutes(10))).Exit);
        Assert.Equal(0, session.Crm("case", "open", "T-1", "--category", "inquiry", "--subject", "Opening hours", "--at", Ago(TimeSpan.FromHours(3))).Exit);
        Assert.Equal(0, session.Crm("case", "assign", "1", "agent.zhao").Exit);

        // Case 2 is answered, late; then the escalation run catches case 1, which nobody answered.
        Assert.Equal(0, session.Crm("case", "assign", "2", "agent.zhao").Exit);
        Assert.Equal(0, session.Crm("case", "respond", "2", "--actor", "agent.zhao", "--note", "called back").Exit);
        var (exit, output, error) = session.Crm("case", "escalate");
        Assert.True(exit == 0, error);
        Assert.Contains("Case 1 (T-1): first-response was due", output, StringComparison.Ordinal);
        Assert.Contains("escalated to level 'supervisor', owner 'lead.wu'.", output, StringComparison.Ordinal);
        Assert.Contains("1 case(s) escalated.", output, StringComparison.Ordinal);
        Assert.Contains("0 case(s) escalated.", session.Crm("case", "escalate").Output, StringComparison.Ordinal);

        var rows = session.Crm("case", "list", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("1,T-1,complaint,normal,assigned,lead.wu,supervisor,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",1,,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("2,T-2,complaint,normal,in-progress,agent.zhao,,", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("4,T-1,inquiry,normal,open,,,", rows[4], StringComparison.Ordinal);
        var table = session.Crm("case", "list").Output;
        Assert.Contains("answered late", table, StringComparison.Ordinal);
        Assert.Contains("first-response", table, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', table);

        var shown = session.Crm("case", "show", "1").Output;
        Assert.Contains("escalated", shown, StringComparison.Ordinal);
        Assert.Contains("first-response due", shown, StringComparison.Ordinal);
        Assert.Contains("to level 'supervisor', owner 'lead.wu' by escalation", shown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', shown);
        Assert.Contains(", late)", session.Crm("case", "show", "2").Output, StringComparison.Ordinal);

        // The supervisor answers case 1, late too; the figures count both misses.
        Assert.Equal(0, session.Crm("case", "respond", "1", "--actor", "lead.wu").Exit);
        Assert.Contains("0/2", session.Crm("case", "figures", "--by", "category").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escalation_instant_in_the_future_or_not_an_instant_is_refused_and_nothing_changes()
    {
        using var session = new CliSession();
        Assert.Equal(0, session.Crm("init", "--schema", session.File("s.json", Settings)).Exit);
        Assert.Equal(0, session.Crm("import", "customers", session.File("c.csv", "code,name\nT-1,Li Na\n")).Exit);
        Assert.Equal(0, session.Crm("case", "open", "T-1", "--category", "complaint", "--subject", "Charged twice").Exit);

        var future = session.Crm("case", "escalate", "--at", DateTimeOffset.UtcNow.AddDays(2).ToString("o", CultureInfo.InvariantCulture));
        Assert.Equal(1, future.Exit);
        Assert.Contains("later than now", future.Error, StringComparison.Ordinal);
        Assert.Equal(2, session.Crm("case", "escalate", "--at", "tomorrow").Exit);
        Assert.Equal(1, session.Crm("case", "open", "T-1", "--category", "complaint", "--subject", "Later", "--at", DateTimeOffset.UtcNow.AddHours(1).ToString("o", CultureInfo.InvariantCulture)).Exit);
        var rows = session.Crm("case", "list", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.EndsWith(",0,,Charged twice", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_stored_case_policy_is_printed_by_configure_and_a_settings_file_can_replace_it()
    {
        using var session = new CliSession();
        Assert.Equal(0, session.Crm("init", "--schema", session.File("s.json", Settings)).Exit);
        var printed = session.Crm("configure").Output;
        Assert.Contains("\"casePolicy\"", printed, StringComparison.Ordinal);
        Assert.Contains("\"firstResponse\": \"1h\"", printed, StringComparison.Ordinal);
        Assert.Contains("\"owner\": \"lead.wu\"", printed, StringComparison.Ordinal);

        var replaced = session.Crm("configure", "--schema", session.File("t.json", """{ "casePolicy": { "timeZone": "Asia/Shanghai", "rules": [ { "firstResponse": "2h", "resolution": "2d" } ] } }"""));
        Assert.True(replaced.Exit == 0, replaced.Output + replaced.Error);
        using var crm = session.Open();
        Assert.Equal("Asia/Shanghai", crm.Options.CasePolicy.Calendar.Zone.Id);
        Assert.Equal([new WorkingHours(new TimeOnly(9, 0), new TimeOnly(18, 0))], crm.Options.CasePolicy.Calendar.HoursOn(DayOfWeek.Friday));
        Assert.Empty(crm.Options.CasePolicy.Calendar.HoursOn(DayOfWeek.Sunday));
        Assert.Null(Assert.Single(crm.Options.CasePolicy.Rules).FirstResponseEscalation);
    }

    [Theory]
    [InlineData("""{ "timeZone": "Mars/Olympus", "rules": [ { "firstResponse": "1h", "resolution": "1d" } ] }""", "casePolicy.timeZone: \"Mars/Olympus\" is not a time zone")]
    [InlineData("""{ "hours": { "funday": ["09:00-18:00"] }, "rules": [ { "firstResponse": "1h", "resolution": "1d" } ] }""", "casePolicy.hours: \"funday\" is not a weekday")]
    [InlineData("""{ "hours": { "monday": ["9-5"] }, "rules": [ { "firstResponse": "1h", "resolution": "1d" } ] }""", "casePolicy.hours.monday: \"9-5\" is not a stretch")]
    [InlineData("""{ "hours": { "monday": ["18:00-09:00"] }, "rules": [ { "firstResponse": "1h", "resolution": "1d" } ] }""", "casePolicy.hours.monday.end:")]
    [InlineData("""{ "holidays": ["1 May"], "rules": [ { "firstResponse": "1h", "resolution": "1d" } ] }""", "casePolicy.holidays: \"1 May\" is not a date")]
    [InlineData("""{ }""", "casePolicy.rules: are required")]
    [InlineData("""{ "rules": [] }""", "casePolicy.rules: are empty")]
    [InlineData("""{ "rules": [ { "firstResponse": "soon", "resolution": "1d" } ] }""", "casePolicy.rules[0].firstResponse: \"soon\" is not a duration")]
    [InlineData("""{ "rules": [ { "firstResponse": "1h" } ] }""", "casePolicy.rules[0].resolution: is required")]
    [InlineData("""{ "rules": [ { "firstResponse": "1d", "resolution": "1h" } ] }""", "casePolicy.rules[0].resolution: 01:00:00 is shorter")]
    [InlineData("""{ "rules": [ { "priority": "asap", "firstResponse": "1h", "resolution": "1d" } ] }""", "casePolicy.rules[0].priority: \"asap\" is not a priority")]
    [InlineData("""{ "rules": [ { "category": "Complaints!", "firstResponse": "1h", "resolution": "1d" } ] }""", "casePolicy.rules[0].category:")]
    [InlineData("""{ "rules": [ { "firstResponse": "1h", "resolution": "1d", "firstResponseEscalation": { } } ] }""", "casePolicy.rules[0].firstResponseEscalation: names neither")]
    [InlineData("""{ "rules": [ { "firstResponse": "1h", "resolution": "1d", "escalation": "boss" } ] }""", "escalation")]
    public void Init_refuses_a_bad_case_policy_naming_the_key_and_creates_nothing(string policy, string expected)
    {
        using var session = new CliSession();
        var (exit, _, error) = session.Crm("init", "--schema", session.File("s.json", $$"""{ "casePolicy": {{policy}} }"""));
        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(session.Db));
    }
}
