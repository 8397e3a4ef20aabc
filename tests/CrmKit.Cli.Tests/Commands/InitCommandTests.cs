namespace CrmKit.Cli.Tests.Commands;

public class InitCommandTests
{
    [Fact]
    public void Init_creates_the_database_with_its_configuration_stored_in_it()
    {
        using var session = new CliSession().Init();

        Assert.True(File.Exists(session.Db));
        Assert.False(File.Exists(session.Db + ".json"));
        var (exit, settings, error) = session.Crm("configure");
        Assert.True(exit == 0, error);
        Assert.Contains("\"age\": \"integer\"", settings);
        Assert.Contains("\"purchaseKinds\"", settings);
        using var crm = session.Open();
        Assert.Equal(AttributeType.TextList, crm.Options.Attributes.Attributes["hobbies"]);
        Assert.Equal("prospect", crm.Options.Stages.Initial.Name);
    }

    [Fact]
    public void Init_takes_a_custom_stage_model_and_purchase_kinds()
    {
        using var session = new CliSession();
        var schema = session.File("s.json", """
            {
              "stages": { "initial": "lead", "transitions": [ { "from": "lead", "to": "client" } ] },
              "purchaseKinds": ["purchase", "renewal"],
              "refundKinds": ["refund"]
            }
            """);
        var (exit, output, _) = session.Crm("init", "--schema", schema);

        Assert.Equal(0, exit);
        Assert.Contains("Stages: lead, client", output);
        using var crm = session.Open();
        Assert.Contains(new InteractionKind("renewal"), crm.Options.PurchaseKinds);
        Assert.True(crm.Options.Stages.Allows("lead", "client"));
    }

    [Fact]
    public void Init_refuses_an_existing_database_with_exit_code_1()
    {
        using var session = new CliSession().Init();
        var (exit, _, error) = session.Crm("init");
        Assert.Equal(1, exit);
        Assert.Contains("already exists", error);
    }

    [Fact]
    public void Init_reports_an_unknown_attribute_type_and_creates_nothing()
    {
        using var session = new CliSession();
        var schema = session.File("s.json", """{ "attributes": { "age": "number" } }""");
        var (exit, _, error) = session.Crm("init", "--schema", schema);

        Assert.Equal(1, exit);
        Assert.Contains("attributes.age: has unknown type 'number'", error);
        Assert.False(File.Exists(session.Db));
        Assert.False(File.Exists(session.Db + ".json"));
    }

    [Fact]
    public void Init_reports_an_unknown_settings_key()
    {
        using var session = new CliSession();
        var schema = session.File("s.json", """{ "atributes": {} }""");
        var (exit, _, error) = session.Crm("init", "--schema", schema);
        Assert.Equal(1, exit);
        Assert.Contains("atributes", error);
    }

    [Fact]
    public void Init_with_a_missing_schema_file_is_a_usage_error()
    {
        using var session = new CliSession();
        var (exit, _, error) = session.Crm("init", "--schema", Path.Combine(session.Folder, "nope.json"));
        Assert.Equal(2, exit);
        Assert.Contains("no such file", error);
    }

    [Fact]
    public void A_command_on_a_missing_database_fails_with_exit_code_1_and_says_how_to_create_it()
    {
        using var session = new CliSession();
        var (exit, _, error) = session.Crm("report");
        Assert.Equal(1, exit);
        Assert.Contains("crmkit init", error);
        Assert.False(File.Exists(session.Db));
    }
}
