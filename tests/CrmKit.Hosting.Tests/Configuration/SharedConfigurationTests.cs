using CrmKit.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Configuration;

/// <summary>
/// One configuration per database: a database made by <c>crmkit init</c> opens in a host with the
/// same attributes, stages, kinds and contact policy, and one made by a host opens the same in every
/// <c>crmkit</c> command. Neither needs to repeat the other's settings.
/// </summary>
public class SharedConfigurationTests
{
    private const string Settings = """
        {
          "attributes": { "vehicle": "text", "age": "integer" },
          "stages": { "initial": "lead", "transitions": [ { "from": "lead", "to": "owner" }, { "from": "owner", "to": "lapsed" } ] },
          "purchaseKinds": ["purchase", "service"],
          "refundKinds": ["refund"],
          "contactPolicy": { "maxPerChannel": 1, "quietStart": "20:00", "quietEnd": "08:30", "requireOptIn": true }
        }
        """;

    [Fact]
    public async Task A_database_made_by_the_cli_opens_the_same_in_a_host_that_sets_no_configuration()
    {
        using var folder = new TempFolder();
        var db = folder.File("crm.db");
        File.WriteAllText(folder.File("settings.json"), Settings);
        Assert.Equal(0, Crm("init", "--schema", folder.File("settings.json"), "--db", db).Exit);

        await using (var host = await TestHost.StartAsync(new FakeTimeProvider(), b => b.Services.AddCrmKit(o => o.DatabasePath = db)))
        {
            var crm = host.Services.GetRequiredService<CrmDatabase>();
            Assert.Equal(AttributeType.Integer, crm.Options.Attributes.Attributes["age"]);
            Assert.Equal(new StageId("lead"), crm.Options.Stages.Initial);
            Assert.Contains(new InteractionKind("service"), crm.Options.PurchaseKinds);
            Assert.Equal(ContactPolicy.Default with { MaxPerChannel = 1, QuietStart = new TimeOnly(20, 0), QuietEnd = new TimeOnly(8, 30), RequireOptIn = true }, crm.Options.ContactPolicy);
            crm.Customers.Create(new Customer("C-1", "Li Wei") { Attributes = new Dictionary<string, AttributeValue> { ["age"] = AttributeValue.Integer(41) } });
            crm.Interactions.Record(new Interaction("C-1", new InteractionKind("service"), Channel.Store, DateTimeOffset.UtcNow) { Amount = 80m });
        }

        var shown = Crm("customer", "show", "C-1", "--db", db);
        Assert.True(shown.Exit == 0, shown.Error);
        Assert.Contains("lead since", shown.Output);
        Assert.Contains("80.00", shown.Output);
    }

    [Fact]
    public async Task A_database_made_by_a_host_opens_the_same_in_every_cli_command()
    {
        using var folder = new TempFolder();
        var db = folder.File("crm.db");
        await using (var host = await TestHost.StartAsync(new FakeTimeProvider(), b => b.Services.AddCrmKit(o =>
        {
            o.DatabasePath = db;
            o.CreateDatabaseIfMissing = true;
            o.Attributes = AttributeSchema.Empty.Define("vehicle", AttributeType.Text).Define("age", AttributeType.Integer);
            o.Stages = StageModel.Create("lead", [("lead", "owner"), ("owner", "lapsed")]);
            o.PurchaseKinds = new HashSet<InteractionKind> { InteractionKind.Purchase, new("service") };
            o.ContactPolicy = ContactPolicy.Default with { MaxPerChannel = 1, QuietStart = new TimeOnly(20, 0), QuietEnd = new TimeOnly(8, 30), RequireOptIn = true };
        })))
        {
            host.Services.GetRequiredService<CrmDatabase>();
        }

        File.WriteAllText(folder.File("settings.json"), Settings);
        Assert.Equal(0, Crm("init", "--schema", folder.File("settings.json"), "--db", folder.File("cli.db")).Exit);
        Assert.Equal(Crm("configure", "--db", folder.File("cli.db")).Output, Crm("configure", "--db", db).Output);
        File.WriteAllText(folder.File("c.csv"), "code,name,attr:age\nC-2,Omar,37\n");
        Assert.Equal(0, Crm("import", "customers", folder.File("c.csv"), "--db", db).Exit);
        File.WriteAllText(folder.File("i.csv"), "customer,kind,channel,occurred-at,amount\nC-2,service,store,2026-01-05T10:00:00Z,120\n");
        Assert.Equal(0, Crm("import", "interactions", folder.File("i.csv"), "--db", db).Exit);
        var shown = Crm("customer", "show", "C-2", "--db", db);
        Assert.Contains("lead since", shown.Output);
        Assert.Matches(@"│ 1\s+│ 1\s+│ 120\.00", shown.Output);
    }

    [Fact]
    public async Task A_host_whose_options_contradict_the_stored_configuration_does_not_start_and_names_the_setting()
    {
        using var folder = new TempFolder();
        var db = folder.File("crm.db");
        File.WriteAllText(folder.File("settings.json"), Settings);
        Assert.Equal(0, Crm("init", "--schema", folder.File("settings.json"), "--db", db).Exit);
        var before = File.ReadAllBytes(db);

        var error = await Assert.ThrowsAsync<CrmConfigurationException>(() => TestHost.StartAsync(new FakeTimeProvider(), b => b.Services.AddCrmKit(o =>
        {
            o.DatabasePath = db;
            o.Attributes = AttributeSchema.Empty.Define("age", AttributeType.Text);
        })));

        Assert.Equal("attributes.age", error.Field);
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    [Fact]
    public async Task A_host_does_not_create_a_missing_database_unless_asked_to()
    {
        using var folder = new TempFolder();
        var db = folder.File("crm.db");

        var error = await Assert.ThrowsAsync<DatabaseFileException>(() => TestHost.StartAsync(new FakeTimeProvider(), b => b.Services.AddCrmKit(o => o.DatabasePath = db)));

        Assert.Contains("does not exist", error.Message);
        Assert.False(File.Exists(db));
    }

    private static (int Exit, string Output, string Error) Crm(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CrmKitCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
