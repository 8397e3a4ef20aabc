using System.Text;

namespace CrmKit.Cli.Tests.Commands;

/// <summary><c>crmkit report --html</c>: the page is written whole, where asked, and never over a file without <c>--force</c>.</summary>
public class HtmlReportCommandTests
{
    [Fact]
    public void Report_html_writes_one_self_contained_page_with_the_names_escaped()
    {
        using var session = new CliSession().Init();
        session.Crm("import", "customers", session.File("c.csv", "code,name\nA,王芳\nB,<script>alert(1)</script>\n"));
        session.Crm("import", "interactions", session.File("i.csv", "customer,kind,channel,occurred-at,amount\nA,purchase,store,2026-01-05T10:00:00Z,10\n"));
        var page = Path.Combine(session.Folder, "report.html");

        var (exit, output, error) = session.Crm("report", "--html", page, "--title", "Q1 <review>", "--from", "2026-01-01T00:00:00+08:00", "--to", "2026-04-01T00:00:00+08:00", "--zone", "Asia/Shanghai");

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("Wrote", output);
        var html = File.ReadAllText(page, Encoding.UTF8);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<title>Q1 &lt;review&gt;</title>", html);
        Assert.Contains("From 2026-01-01 to 2026-03-31 (Asia/Shanghai)", html);
        Assert.Contains("Apache ECharts", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Empty(Directory.GetFiles(session.Folder, "*.tmp"));
    }

    [Fact]
    public void Report_html_refuses_an_existing_file_without_force_and_the_database_always()
    {
        using var session = new CliSession().Init();
        var page = session.File("report.html", "mine");

        Assert.Equal(2, session.Crm("report", "--html", page).Exit);
        Assert.Equal("mine", File.ReadAllText(page));
        Assert.Equal(0, session.Crm("report", "--html", page, "--force").Exit);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(page));

        var (exit, _, error) = session.Crm("report", "--html", session.Db, "--force");
        Assert.Equal(2, exit);
        Assert.Contains("database's own file", error);
    }

    [Theory]
    [InlineData("--zone", "Mars/Olympus", "--zone 'Mars/Olympus'")]
    [InlineData("--from", "yesterday", "--from 'yesterday'")]
    public void Report_html_names_a_bad_option_and_writes_nothing(string option, string value, string expected)
    {
        using var session = new CliSession().Init();
        var page = Path.Combine(session.Folder, "report.html");

        var (exit, _, error) = session.Crm("report", "--html", page, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
        Assert.False(File.Exists(page));
    }

    [Fact]
    public void Report_html_refuses_an_empty_period_naming_the_field()
    {
        using var session = new CliSession().Init();
        var page = Path.Combine(session.Folder, "report.html");

        var (exit, _, error) = session.Crm("report", "--html", page, "--from", "2026-02-01T00:00:00Z", "--to", "2026-01-01T00:00:00Z");

        Assert.Equal(1, exit);
        Assert.Contains("from", error);
        Assert.False(File.Exists(page));
    }
}
