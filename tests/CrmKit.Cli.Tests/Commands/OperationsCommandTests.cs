namespace CrmKit.Cli.Tests.Commands;

/// <summary>
/// Service operations through the CLI as a call-centre supervisor would work them: routed cases in
/// the team's queue, calls that fail and are retried, tasks moved between people, and a leaving
/// owner's book reassigned.
/// </summary>
public class OperationsCommandTests
{
    private const string Settings = """
        {
          "attributes": { "region": "text" },
          "contactPolicy": { "quietStart": "00:00", "quietEnd": "00:00", "priorityMode": "higher-priority-displaces", "retry": { "maxAttempts": 2, "intervals": ["2h"] } },
          "routing": {
            "teams": { "complaints": ["care.li", "care.wu"], "sales": ["sales.ana", "sales.bo"] },
            "rules": [ { "name": "complaints-desk", "scope": ["cases"], "defaultTeam": "complaints", "pick": "least-loaded" },
                       { "name": "sales-in-turn", "scope": ["customers"], "defaultTeam": "sales" } ]
          }
        }
        """;

    private static CliSession Started()
    {
        var session = new CliSession();
        var init = session.Crm("init", "--schema", session.File("settings.json", Settings));
        Assert.True(init.Exit == 0, init.Error);
        Assert.Equal(0, session.Crm("import", "customers", session.File("c.csv", "code,name,owner\nT-1,Li Na,\nT-2,Bo Wen,\nT-3,Chen,sales.ana\n")).Exit);
        return session;
    }

    [Fact]
    public void Routed_cases_are_queued_by_team_and_failed_calls_are_retried_until_the_task_is_unreachable()
    {
        using var session = Started();
        Assert.Equal(0, session.Crm("case", "open", "T-1", "--category", "complaint", "--subject", "No signal").Exit);
        Assert.Equal(0, session.Crm("case", "open", "T-2", "--category", "complaint", "--subject", "Charged twice").Exit);

        var queue = session.Crm("queue", "--team", "complaints", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kind,id,customer,channel,owner,team,due,priority,attempts,subject", queue[0]);
        Assert.Equal(["case,1,T-1,phone,care.li,complaints", "case,2,T-2,phone,care.wu,complaints"], queue.Skip(1).Select(l => string.Join(',', l.Split(',').Take(6))).Order());

        var missed = session.Crm("case", "attempt", "1", "--outcome", "no-answer", "--actor", "care.li");
        Assert.True(missed.Exit == 0, missed.Error);
        Assert.Contains("no-answer on phone", missed.Output, StringComparison.Ordinal);
        Assert.Contains("Next attempt at", missed.Output, StringComparison.Ordinal);
        Assert.Equal(0, session.Crm("case", "attempt", "1", "--outcome", "reached", "--actor", "care.li").Exit);
        Assert.Equal(0, session.Crm("case", "resolve", "1", "--cause", "coverage", "--summary", "new mast", "--actor", "care.li").Exit);

        // The satisfaction check: two unanswered calls spend the attempts.
        var task = session.Crm("queue", "--kind", "task", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1].Split(',')[1];
        var first = session.Crm("care", "attempt", task, "--outcome", "busy", "--channel", "sms");
        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("busy on sms", first.Output, StringComparison.Ordinal);
        var second = session.Crm("care", "attempt", task, "--outcome", "no-answer");
        Assert.Contains("is unreachable", second.Output, StringComparison.Ordinal);
        Assert.Contains(",unreachable,", session.Crm("care", "tasks", "--status", "unreachable", "--csv").Output, StringComparison.Ordinal);
        var again = session.Crm("care", "attempt", task, "--outcome", "reached");
        Assert.Equal(1, again.Exit);
        Assert.Contains("not open", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, session.Crm("care", "attempt", "1", "--outcome", "maybe").Exit);
    }

    [Fact]
    public void Tasks_change_hands_with_history_and_a_leaving_owners_book_is_reassigned()
    {
        using var session = Started();
        Assert.Equal(0, session.Crm("case", "open", "T-3", "--category", "inquiry", "--subject", "Roaming").Exit);
        Assert.Equal(0, session.Crm("case", "transfer", "1", "sales.ana").Exit);
        Assert.Equal(0, session.Crm("case", "resolve", "1", "--cause", "info", "--summary", "told", "--actor", "sales.ana").Exit);
        var task = session.Crm("queue", "--kind", "task", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1].Split(',')[1];

        var claim = session.Crm("care", "claim", task, "--owner", "sales.bo");
        Assert.Equal(1, claim.Exit);
        Assert.Contains("transfer it instead", claim.Error, StringComparison.Ordinal);
        Assert.Equal(0, session.Crm("care", "transfer", task, "sales.bo", "--note", "store can act", "--actor", "lead").Exit);
        Assert.Equal(0, session.Crm("case", "reopen", "1", "--reason", "asked again").Exit);

        var owners = session.Crm("queue", "--csv").Output;
        Assert.Contains("case,1,T-3,phone,sales.ana,sales", owners, StringComparison.Ordinal);
        var reassigned = session.Crm("reassign", "--from", "sales.ana", "--rule", "sales-in-turn", "--actor", "lead");
        Assert.True(reassigned.Exit == 0, reassigned.Error);
        Assert.Contains("Reassigned sales.ana's book", reassigned.Output, StringComparison.Ordinal);
        Assert.Empty(session.Crm("queue", "--owner", "sales.ana", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1));
        var history = session.Crm("queue", "history", "--customer", "T-3").Output;
        foreach (var word in new[] { "transferred", "reassigned" }) Assert.Contains(word, history, StringComparison.Ordinal);
        Assert.Equal(2, session.Crm("reassign", "--from", "sales.bo").Exit);
        Assert.Equal(1, session.Crm("reassign", "--from", "sales.bo", "--rule", "nobody").Exit);
    }
}
