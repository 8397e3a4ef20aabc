namespace CrmKit.Cli.Tests.Commands;

public class ExitCodeTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("import", "customers")]
    [InlineData("import", "pets", "x.csv")]
    [InlineData("erase", "C1")]
    [InlineData("export")]
    [InlineData("report", "--bogus")]
    public void A_wrong_command_line_exits_2(params string[] args)
    {
        var (exit, _, error) = CliSession.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("crmkit --help", error);
    }

    [Fact]
    public void Help_exits_0()
    {
        var (exit, output, _) = CliSession.Run("--help");
        Assert.Equal(0, exit);
        foreach (var command in new[] { "init", "import", "export", "erase", "report", "script", "value" }) Assert.Contains(command, output);
    }

    [Fact]
    public void An_unknown_customer_exits_1()
    {
        using var session = new CliSession().Init();
        Assert.Equal(1, session.Crm("export", "NOBODY").Exit);
        var (exit, _, error) = session.Crm("erase", "NOBODY", "--reason", "test");
        Assert.Equal(1, exit);
        Assert.Contains("No customer has code 'NOBODY'", error);
    }

    [Fact]
    public void A_missing_import_file_is_a_usage_error()
    {
        using var session = new CliSession().Init();
        Assert.Equal(2, session.Crm("import", "customers", Path.Combine(session.Folder, "none.csv")).Exit);
    }
}
