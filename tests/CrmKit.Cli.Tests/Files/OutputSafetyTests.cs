using System.Text;

namespace CrmKit.Cli.Tests.Files;

public class OutputSafetyTests
{
    [Fact]
    public void Control_characters_from_data_never_reach_the_output_raw()
    {
        using var session = new CliSession().Init();
        const string hostile = "Eve\u001b]0;owned\u0007\u001b[2J\u202Egnp.exe\u0085";
        var file = session.File("customers.csv", $"code,name,tags,owner\nE-1,\"{hostile}\",\"vip\u001b[31m\",\"sales\u0008\u0008\"\n");
        Assert.Equal(0, session.Crm("import", "customers", file).Exit);

        var (exit, output, error) = session.Crm("customer", "show", "E-1");

        Assert.True(exit == 0, error);
        Assert.DoesNotContain(output, c => c is '\u001b' or '\u0007' or '\u0008' or '\u202E' or '\u0085');
        Assert.Contains(@"Eve\u001B]0;owned\u0007", output);
    }

    [Fact]
    public void A_flood_of_errors_shows_the_first_hundred_then_a_count()
    {
        using var session = new CliSession().Init();
        var rows = new StringBuilder("code,name,attr:age\n");
        for (var i = 0; i < 500; i++) rows.Append($"C-{i},Name,not-a-number\n");
        var file = session.File("customers.csv", rows.ToString());

        var (exit, _, error) = session.Crm("import", "customers", file);

        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100, lines.Count(l => l.Contains("error: column 'attr:age'")));
        Assert.Contains("... and 400 more problem(s) not shown.", error);
        Assert.Contains("Nothing imported: 500 of 500 row(s)", error);
    }

    [Fact]
    public void A_huge_value_in_a_message_is_cut_short()
    {
        using var session = new CliSession().Init();
        var huge = new string('x', 100_000);
        var file = session.File("customers.csv", $"code,name,attr:age\nC-1,Name,{huge}\n");

        var (exit, _, error) = session.Crm("import", "customers", file);

        Assert.Equal(1, exit);
        Assert.True(error.Length < 10_000, $"error output was {error.Length} characters");
        Assert.Contains("more characters)", error);
    }

    [Fact]
    public void Export_refuses_to_overwrite_a_file_without_force_and_the_database_always()
    {
        using var session = new CliSession().Init();
        var customers = session.File("customers.csv", "code,name\nC-1,Ann\n");
        Assert.Equal(0, session.Crm("import", "customers", customers).Exit);
        var existing = session.File("notes.txt", "my own notes");
        var dbBytes = File.ReadAllBytes(session.Db);

        var refused = session.Crm("export", "C-1", "--out", existing);
        var intoDb = session.Crm("export", "C-1", "--out", session.Db, "--force");

        Assert.Equal(2, refused.Exit);
        Assert.Contains("Pass --force", refused.Error);
        Assert.Equal("my own notes", File.ReadAllText(existing));
        Assert.Equal(2, intoDb.Exit);
        Assert.Contains("database's own file", intoDb.Error);
        Assert.Equal(dbBytes, File.ReadAllBytes(session.Db));
        using (var crm = session.Open()) Assert.Equal("Ann", crm.Customers.Get("C-1").Name);

        var forced = session.Crm("export", "C-1", "--out", existing, "--force");
        Assert.Equal(0, forced.Exit);
        Assert.Contains("\"C-1\"", File.ReadAllText(existing));
        Assert.Empty(Directory.GetFiles(session.Folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_existing_rejects_file_is_refused_before_anything_is_imported()
    {
        using var session = new CliSession().Init();
        var file = session.File("customers.csv", "code,name,attr:age\nC-1,Ann,40\nC-2,Bob,forty\n");
        var rejects = session.File("customers.rejects.csv", "someone else's file");

        var (exit, _, error) = session.Crm("import", "customers", file, "--skip-invalid");

        Assert.Equal(2, exit);
        Assert.Contains("refusing to overwrite", error);
        Assert.Equal("someone else's file", File.ReadAllText(rejects));
        using (var crm = session.Open()) Assert.Equal(0, crm.Customers.Count());

        Assert.Equal(0, session.Crm("import", "customers", file, "--skip-invalid", "--force").Exit);
        Assert.Contains("forty", File.ReadAllText(rejects));
    }
}
