using System.Globalization;

namespace CrmKit.Cli.Tests.Care;

/// <summary>
/// The telecom flow a CLI-only operator runs, end to end through the entry point on a database
/// file: init with a contact policy, import customers with consent and their interactions, sweep
/// at several instants (one twice), then check the tasks from <c>care tasks --csv</c> against the
/// imported data: consent, the frequency cap, quiet hours in each customer's zone, idempotence.
/// </summary>
public class TelecomSweepEndToEndTests
{
    private const int MaxPerChannel = 1;
    private static readonly TimeSpan CapWindow = TimeSpan.FromDays(7);
    private static readonly TimeOnly QuietStart = new(20, 0);
    private static readonly TimeOnly QuietEnd = new(9, 0);

    // Shanghai 20:30 (quiet only under this policy, not the default); New York on the night clocks
    // go forward; a plain Saturday; London on the night clocks go forward.
    private static readonly string[] Instants =
        ["2027-03-10T12:30:00Z", "2027-03-14T07:30:00Z", "2027-03-20T23:00:00Z", "2027-03-28T01:30:00Z"];

    private const string Policy = """
        { "contactPolicy": { "maxPerChannel": 1, "capWindow": "7d", "quietStart": "20:00", "quietEnd": "09:00", "requireOptIn": false, "expireAfter": "21d" } }
        """;

    [Fact]
    public void Sweeps_through_the_cli_respect_consent_caps_quiet_hours_and_create_nothing_twice()
    {
        using var session = new CliSession();
        var data = new TelecomData(30);
        Ok(session.Crm("init", "--schema", session.File("telecom.json", Policy)));
        Ok(session.Crm("import", "customers", session.File("customers.csv", data.CustomersCsv)));
        Ok(session.Crm("import", "interactions", session.File("interactions.csv", data.InteractionsCsv)));

        foreach (var at in Instants.Take(3)) Ok(session.Crm("care", "sweep", "--at", at));
        var before = Ok(session.Crm("care", "tasks", "--status", "all", "--csv"));
        var again = Ok(session.Crm("care", "sweep", "--at", Instants[2]));
        Assert.Matches(@"│\s*30\s*│\s*[1-9][0-9]*\s*│\s*0\s*│", again);
        Assert.Equal(before, Ok(session.Crm("care", "tasks", "--status", "all", "--csv")));
        Ok(session.Crm("care", "sweep", "--at", Instants[3]));

        var tasks = CsvTable.Parse(Ok(session.Crm("care", "tasks", "--status", "all", "--csv")));
        var suppressions = CsvTable.Parse(Ok(session.Crm("care", "suppressions", "--csv")));

        Assert.NotEmpty(tasks);
        NoTaskOnARefusedChannel(tasks, data);
        NoOccasionTwiceOnAChannel(tasks);
        NoCapExceeded(tasks);
        EveryDueOutsideQuietHours(tasks, data);

        // The data must have put each rule of the policy to work, or the checks above prove little.
        var reasons = suppressions.Select(s => s["reason"]).ToHashSet();
        Assert.Contains("opted-out", reasons);
        Assert.Contains("frequency-cap", reasons);
        Assert.All(suppressions.Where(s => s["reason"] == "opted-out"),
            s => Assert.False(data.Consent[(s["customer"], s["channel"])], $"{s["customer"]} did not opt out of {s["channel"]}"));
    }

    private static void NoTaskOnARefusedChannel(IEnumerable<IReadOnlyDictionary<string, string>> tasks, TelecomData data) =>
        Assert.All(tasks, t => Assert.True(data.Consent.GetValueOrDefault((t["customer"], t["channel"]), true),
            $"task {t["id"]} for {t["customer"]} uses {t["channel"]}, which the customer opted out of"));

    private static void NoOccasionTwiceOnAChannel(IEnumerable<IReadOnlyDictionary<string, string>> tasks)
    {
        var twice = tasks.GroupBy(t => (t["customer"], t["occasion-key"], t["channel"])).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
    }

    /// <summary>Any window of the cap's length holds at most the cap's number of counting tasks per customer and channel.</summary>
    private static void NoCapExceeded(IEnumerable<IReadOnlyDictionary<string, string>> tasks)
    {
        foreach (var group in tasks.Where(t => t["status"] is "open" or "done" or "declined").GroupBy(t => (t["customer"], t["channel"])))
        {
            var dues = group.Select(t => Instant(t["due"])).OrderBy(d => d.UtcTicks).ToArray();
            for (var i = 0; i + MaxPerChannel < dues.Length; i++)
            {
                Assert.True(dues[i + MaxPerChannel] - dues[i] >= CapWindow,
                    $"{group.Key}: {MaxPerChannel + 1} tasks due between {dues[i]:o} and {dues[i + MaxPerChannel]:o}, closer than {CapWindow}");
            }
        }
    }

    private static void EveryDueOutsideQuietHours(IEnumerable<IReadOnlyDictionary<string, string>> tasks, TelecomData data)
    {
        Assert.All(tasks, t =>
        {
            var due = Instant(t["due"]);
            var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, data.ZoneOf[t["customer"]]).DateTime);
            Assert.False(local >= QuietStart || local < QuietEnd, $"task {t["id"]} for {t["customer"]} is due at {local} local time ({t["due"]})");
            Assert.True(due >= Instant(t["proposed-due"]), $"task {t["id"]} was moved earlier than proposed");
        });
    }

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string Ok((int Exit, string Output, string Error) run)
    {
        Assert.True(run.Exit == 0, run.Output + run.Error);
        return run.Output;
    }
}
