namespace CrmKit.Cli.Tests.Commands;

public class ContactPolicySettingsTests
{
    [Fact]
    public void Init_stores_the_complete_default_contact_policy()
    {
        using var session = new CliSession();
        var (exit, output, error) = session.Crm("init");
        Assert.True(exit == 0, output + error);
        var json = session.Crm("configure").Output;
        Assert.Contains("\"contactPolicy\"", json);
        foreach (var pair in new[] { "\"maxPerChannel\": 2", "\"capWindow\": \"7d\"", "\"quietStart\": \"21:00\"", "\"quietEnd\": \"09:00\"", "\"requireOptIn\": false", "\"expireAfter\": \"14d\"" })
            Assert.Contains(pair, json);
        Assert.Contains("Contact policy: at most 2 task(s) per customer and channel within 7d", output);
        using var crm = session.Open();
        Assert.Equal(ContactPolicy.Default, crm.Options.ContactPolicy);
    }

    [Fact]
    public void A_given_policy_is_kept_and_every_command_opens_the_database_with_it()
    {
        using var session = new CliSession();
        var schema = session.File("s.json", """
            { "contactPolicy": { "maxPerChannel": 1, "capWindow": "36h", "quietStart": "22:30", "quietEnd": "07:15", "requireOptIn": true, "expireAfter": "90m" } }
            """);
        Assert.Equal(0, session.Crm("init", "--schema", schema).Exit);
        using var crm = session.Open();
        Assert.Equal(new ContactPolicy
        {
            MaxPerChannel = 1,
            CapWindow = TimeSpan.FromHours(36),
            QuietStart = new TimeOnly(22, 30),
            QuietEnd = new TimeOnly(7, 15),
            RequireOptIn = true,
            ExpireAfter = TimeSpan.FromMinutes(90),
        }, crm.Options.ContactPolicy);
    }

    [Fact]
    public void A_partial_policy_keeps_the_defaults_for_the_other_keys()
    {
        using var session = new CliSession();
        Assert.Equal(0, session.Crm("init", "--schema", session.File("s.json", """{ "contactPolicy": { "maxPerChannel": 5 } }""")).Exit);
        using (var crm = session.Open()) Assert.Equal(ContactPolicy.Default with { MaxPerChannel = 5 }, crm.Options.ContactPolicy);
        Assert.Contains("\"capWindow\": \"7d\"", session.Crm("configure").Output);
    }

    [Theory]
    [InlineData("""{ "maxPerChannel": 0 }""", "contactPolicy.maxPerChannel: 0 is less than 1")]
    [InlineData("""{ "capWindow": "P7D" }""", "contactPolicy.capWindow: \"P7D\" is not a duration")]
    [InlineData("""{ "capWindow": "0d" }""", "contactPolicy.capWindow: \"0d\" is not a duration")]
    [InlineData("""{ "expireAfter": "2 weeks" }""", "contactPolicy.expireAfter: \"2 weeks\" is not a duration")]
    [InlineData("""{ "quietStart": "9pm" }""", "contactPolicy.quietStart: \"9pm\" is not a time of day")]
    [InlineData("""{ "quietEnd": "24:00" }""", "contactPolicy.quietEnd: \"24:00\" is not a time of day")]
    [InlineData("""{ "quietHours": "21-9" }""", "quietHours")]
    [InlineData("""{ "maxPerChannel": "two" }""", "contactPolicy.maxPerChannel")]
    public void Init_reports_an_invalid_policy_naming_the_key_and_creates_nothing(string policy, string expected)
    {
        using var session = new CliSession();
        var (exit, _, error) = session.Crm("init", "--schema", session.File("s.json", $$"""{ "contactPolicy": {{policy}} }"""));
        Assert.Equal(1, exit);
        Assert.Contains(expected, error);
        Assert.False(File.Exists(session.Db));
    }

    [Fact]
    public void A_command_reports_an_invalid_policy_in_the_settings_file_naming_the_file_and_key()
    {
        using var session = new CliSession().Init();
        var settings = session.Db + ".json";
        File.WriteAllText(settings, """{ "contactPolicy": { "capWindow": "a week" } }""");
        foreach (var command in new[] { new[] { "report" }, ["care", "sweep"], ["care", "tasks"] })
        {
            var (exit, _, error) = session.Crm(command);
            Assert.Equal(1, exit);
            Assert.Contains(settings + ": contactPolicy.capWindow: \"a week\" is not a duration", error);
        }
    }
}
