using System.Globalization;
using System.Text;
using CrmKit.Cli.Tests.Care;

namespace CrmKit.Cli.Tests.Campaigns;

/// <summary>
/// A campaign's life through the command line on a database file: created from a plan file,
/// refused to run until approved and outside its window, run with a holdout that never gets a
/// task, evaluated against responses imported afterwards, and judged by the rates.
/// </summary>
public class CampaignCommandTests
{
    private const int Customers = 80;
    private const string Run1 = "2027-01-05T10:00:00Z";

    private const string Plan = """
        {
          "name": "Q1 retention",
          "goal": "Keep subscribers at risk",
          "owner": "am.silva",
          "target": { "segment": "at-risk" },
          "offers": [
            { "code": "discount", "description": "10% off for a year", "share": 0.5 },
            { "code": "upgrade", "description": "free data upgrade", "share": 0.5 }
          ],
          "channels": ["sms"],
          "start": "2027-01-01T00:00:00+08:00",
          "end": "2027-02-01T00:00:00+08:00",
          "costPerContact": 0.40,
          "budget": 100,
          "attributionDays": 30,
          "response": { "kinds": ["campaign-response"], "acceptedOutcome": "accepted" },
          "holdout": 0.3
        }
        """;

    private static string Ok((int Exit, string Output, string Error) result)
    {
        Assert.True(result.Exit == 0, result.Output + result.Error);
        return result.Output;
    }

    private static CliSession Seeded()
    {
        var session = new CliSession().Init();
        var customers = new StringBuilder("code,name,tags,owner,time-zone\n");
        for (var i = 0; i < Customers; i++) customers.Append(CultureInfo.InvariantCulture, $"S-{i:000},Subscriber {i},{(i % 8 == 7 ? "loyal" : "at-risk")},agent.{(char)('a' + i % 2)},Asia/Shanghai\n");
        Ok(session.Crm("import", "customers", session.File("customers.csv", customers.ToString())));
        Ok(session.Crm("segment", "define", "at-risk", session.File("at-risk.csx", "Customer.Tags.Contains(\"at-risk\")")));
        Ok(session.Crm("segment", "refresh"));
        Ok(session.Crm("campaign", "create", "q1", "--plan", session.File("plan.json", Plan), "--actor", "am.silva"));
        return session;
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Csv((int Exit, string Output, string Error) result) => CsvTable.Parse(Ok(result));

    [Fact]
    public void An_unapproved_campaign_refuses_to_run_and_nothing_is_assigned_or_tasked()
    {
        using var session = Seeded();
        var draft = session.Crm("campaign", "run", "q1", "--at", Run1);
        Assert.Equal(1, draft.Exit);
        Assert.Contains("cannot move from draft to running", draft.Error);

        Ok(session.Crm("campaign", "submit", "q1", "--actor", "am.silva", "--reason", "ready"));
        var submitted = session.Crm("campaign", "run", "q1", "--at", Run1);
        Assert.Equal(1, submitted.Exit);
        Assert.Contains("from submitted to running", submitted.Error);

        Assert.Empty(Csv(session.Crm("campaign", "show", "q1", "--assignments", "--csv")));
        Assert.Empty(Csv(session.Crm("care", "tasks", "--status", "all", "--csv")));
        Assert.Equal("submitted", Csv(session.Crm("campaign", "list", "--csv")).Single()["status"]);
    }

    [Fact]
    public void A_run_after_the_window_is_refused_and_one_inside_it_tasks_only_treated_customers()
    {
        using var session = Seeded();
        Ok(session.Crm("campaign", "submit", "q1", "--actor", "am.silva"));
        Ok(session.Crm("campaign", "approve", "q1", "--actor", "head.of.care", "--reason", "budget fits"));

        var late = session.Crm("campaign", "run", "q1", "--at", "2027-02-01T00:00:00+08:00");
        Assert.Equal(1, late.Exit);
        Assert.Contains("window", late.Error);
        Assert.Empty(Csv(session.Crm("care", "tasks", "--status", "all", "--csv")));

        var rehearsal = Csv(session.Crm("campaign", "rehearse", "q1", "--at", Run1, "--csv"));
        Ok(session.Crm("campaign", "run", "q1", "--at", Run1));
        Ok(session.Crm("campaign", "run", "q1", "--at", "2027-01-06T10:00:00Z"));

        var assignments = Csv(session.Crm("campaign", "show", "q1", "--assignments", "--csv"));
        var tasks = Csv(session.Crm("care", "tasks", "--status", "all", "--csv"));
        var arm = assignments.ToDictionary(a => a["customer"], a => a["arm"]);
        Assert.Equal(Customers - Customers / 8, assignments.Count);
        Assert.Equal(rehearsal[0]["audience"], assignments.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(rehearsal[0]["holdout"], arm.Values.Count(a => a == "holdout").ToString(CultureInfo.InvariantCulture));
        Assert.InRange(arm.Values.Count(a => a == "holdout"), 8, 35);
        Assert.All(tasks, t => Assert.NotEqual("holdout", arm[t["customer"]]));
        Assert.All(tasks, t => Assert.Equal($"campaign.q1:{arm[t["customer"]]}", t["occasion-key"]));
        Assert.Equal(arm.Values.Count(a => a != "holdout"), tasks.Count);

        var history = Csv(session.Crm("campaign", "show", "q1", "--csv"));
        Assert.Equal(["draft", "submitted", "approved", "running"], history.Select(h => h["to"]));
        Assert.Equal(("head.of.care", "budget fits"), (history[2]["actor"], history[2]["reason"]));
        Assert.Contains("Q1 retention", Ok(session.Crm("campaign", "show", "q1")));
    }

    [Fact]
    public void The_evaluation_counts_responses_per_arm_within_the_attribution_window()
    {
        using var session = Seeded();
        Ok(session.Crm("campaign", "submit", "q1"));
        Ok(session.Crm("campaign", "approve", "q1"));
        Ok(session.Crm("campaign", "run", "q1", "--at", Run1));
        var arm = Csv(session.Crm("campaign", "show", "q1", "--assignments", "--csv")).ToDictionary(a => a["customer"], a => a["arm"]);

        // Every third customer responds inside the window, every fifth only after it has closed.
        var responses = new StringBuilder("customer,kind,channel,occurred-at,amount\n");
        foreach (var code in arm.Keys.Order(StringComparer.Ordinal))
        {
            var i = int.Parse(code[2..], CultureInfo.InvariantCulture);
            if (i % 3 == 0) responses.Append(CultureInfo.InvariantCulture, $"{code},campaign-response,sms,2027-01-20T10:00:00Z,\n");
            if (i % 5 == 0) responses.Append(CultureInfo.InvariantCulture, $"{code},campaign-response,sms,2027-02-10T10:00:00Z,\n");
            if (i % 4 == 0) responses.Append(CultureInfo.InvariantCulture, $"{code},purchase,store,2027-01-15T10:00:00Z,{10 + i % 7}.50\n");
        }
        Ok(session.Crm("import", "interactions", session.File("responses.csv", responses.ToString())));

        var rows = Csv(session.Crm("campaign", "evaluate", "q1", "--csv"));
        foreach (var name in new[] { "discount", "upgrade", "holdout" })
        {
            var members = arm.Where(a => a.Value == name).Select(a => int.Parse(a.Key[2..], CultureInfo.InvariantCulture)).ToArray();
            var row = rows.Single(r => r["section"] == "arm" && r["arm"] == name);
            Assert.Equal(members.Length.ToString(CultureInfo.InvariantCulture), row["audience"]);
            Assert.Equal(members.Count(i => i % 3 == 0).ToString(CultureInfo.InvariantCulture), row["responders"]);
            Assert.Equal(members.Where(i => i % 4 == 0).Sum(i => 10.5m + i % 7), decimal.Parse(row["revenue"], CultureInfo.InvariantCulture));
            Assert.Equal(name == "holdout" ? "0" : members.Length.ToString(CultureInfo.InvariantCulture), row["contacted"]);
        }
        var uplift = rows.Single(r => r["section"] == "uplift" && r["arm"] == "discount" && r["population"] == "intent-to-treat");
        var rate = (double)rows.Single(r => r["section"] == "arm" && r["arm"] == "discount")["responders"].Length;
        Assert.True(rate > 0);
        Assert.True(double.Parse(uplift["rate-low"], CultureInfo.InvariantCulture) <= double.Parse(uplift["rate-uplift"], CultureInfo.InvariantCulture));
        Assert.Equal("Newcombe hybrid score", uplift["rate-method"]);
        Assert.Contains("Newcombe", Ok(session.Crm("campaign", "evaluate", "q1")));

        var participation = Csv(session.Crm("report", "rates", "--from", "2027-01-01T00:00:00Z", "--to", "2027-02-01T00:00:00Z",
            "--rate", "participation", "--by", "campaign", "--csv")).Single();
        var treated = arm.Where(a => a.Value != "holdout").Select(a => int.Parse(a.Key[2..], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(("q1", treated.Length.ToString(CultureInfo.InvariantCulture), treated.Count(i => i % 3 == 0).ToString(CultureInfo.InvariantCulture)),
            (participation["key"], participation["denominator"], participation["numerator"]));
    }
}
