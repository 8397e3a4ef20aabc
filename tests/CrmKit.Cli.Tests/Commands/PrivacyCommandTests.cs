using System.Text.Json;

namespace CrmKit.Cli.Tests.Commands;

public class PrivacyCommandTests
{
    private static CliSession WithOneCustomer()
    {
        var session = new CliSession().Init();
        var customers = session.File("c.csv", "code,name,tags,email,attr:hobbies\nD-1,王芳,vip,wf@example.com,hiking;🎣\n");
        var interactions = session.File("i.csv", "customer,kind,channel,occurred-at,amount,notes,meta:campaign\nD-1,purchase,store,2026-03-07T10:00:00+08:00,32900.50,首次购车 مرحبا,spring\n");
        Assert.Equal(0, session.Crm("import", "customers", customers).Exit);
        Assert.Equal(0, session.Crm("import", "interactions", interactions).Exit);
        return session;
    }

    [Fact]
    public void Export_prints_the_customer_as_json()
    {
        using var session = WithOneCustomer();
        var (exit, output, _) = session.Crm("export", "D-1");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("王芳", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("🎣", json.RootElement.GetProperty("attributes").GetProperty("hobbies")[1].GetString());
        var interaction = json.RootElement.GetProperty("interactions")[0];
        Assert.Equal("首次购车 مرحبا", interaction.GetProperty("notes").GetString());
    }

    [Fact]
    public void Export_with_out_writes_the_file()
    {
        using var session = WithOneCustomer();
        var file = Path.Combine(session.Folder, "d1.json");
        var (exit, output, _) = session.Crm("export", "D-1", "--out", file);

        Assert.Equal(0, exit);
        Assert.Contains("d1.json", output);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("D-1", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public void Erase_confirms_what_was_removed_and_the_export_no_longer_holds_personal_data()
    {
        using var session = WithOneCustomer();
        var (exit, output, _) = session.Crm("erase", "D-1", "--reason", "request #118", "--actor", "dpo");

        Assert.Equal(0, exit);
        Assert.Contains("Erased the personal data of customer 'D-1'", output);
        Assert.Contains("notes and metadata of 1 interaction(s)", output);
        Assert.Contains("actor 'dpo', reason 'request #118'", output);

        var export = session.Crm("export", "D-1").Output;
        Assert.DoesNotContain("王芳", export);
        Assert.DoesNotContain("wf@example.com", export);
        Assert.DoesNotContain("首次购车", export);
        Assert.Contains("request #118", export);
        Assert.Contains("32900.50", export);
    }

    [Fact]
    public void Erase_without_a_reason_is_a_usage_error_and_erases_nothing()
    {
        using var session = WithOneCustomer();
        Assert.Equal(2, session.Crm("erase", "D-1").Exit);
        Assert.Contains("王芳", session.Crm("export", "D-1").Output);
    }
}
