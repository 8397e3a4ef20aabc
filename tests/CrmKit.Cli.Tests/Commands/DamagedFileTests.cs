using System.Text;

namespace CrmKit.Cli.Tests.Commands;

/// <summary>
/// Every command given a file that is not a CrmKit database (text of several sizes, random bytes) or
/// a database cut short or damaged refuses with exit code 1 and a message naming the file, and leaves
/// the file byte for byte as it was, with no log file beside it.
/// </summary>
public class DamagedFileTests
{
    /// <summary>Every command that opens a database, with the arguments it needs besides <c>--db</c>.</summary>
    public static TheoryData<string> Commands() =>
    [
        "report", "export C0", "import customers {csv}", "import interactions {csv}", "erase C0 --reason request-1",
        "value fit --calibration-end 2025-12-31", "value show C0", "customer show C0", "configure", "configure --schema {json}",
        "segment preview {csx}", "segment define buyers {csx}", "segment refresh", "segment explain buyers C0",
        "care sweep", "care tasks", "care suppressions", "care complete 1 --outcome reached", "care decline 1 --reason no",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_refuses_a_file_that_is_not_a_whole_database_and_leaves_it_as_it_was(string command)
    {
        using var session = new CliSession();
        var args = command
            .Replace("{csv}", session.File("rows.csv", "code,name\nC9,Nine\n"), StringComparison.Ordinal)
            .Replace("{json}", session.File("s.json", """{ "attributes": { "age": "integer" } }"""), StringComparison.Ordinal)
            .Replace("{csx}", session.File("s.csx", "Customer.Stats.PurchaseCount > 0"), StringComparison.Ordinal)
            .Split(' ');
        foreach (var (name, bytes) in Files(session))
        {
            File.WriteAllBytes(session.Db, bytes);

            var (exit, output, error) = session.Crm([.. args, "--wait", "0"]);

            Assert.True(exit == 1, $"{command} on {name}: exit {exit}; {output}{error}");
            Assert.Contains($"'{session.Db}' ", error);
            Assert.Matches("is (not a CrmKit database|cut short|empty|damaged)", error);
            Assert.True(File.ReadAllBytes(session.Db).AsSpan().SequenceEqual(bytes), $"{command} changed {name}");
            Assert.False(File.Exists(Path.Combine(session.Folder, "crm-log.db")), $"{command} left a log file beside {name}");
        }
    }

    [Fact]
    public void Init_refuses_a_file_that_exists_whatever_it_holds_and_leaves_it_as_it_was()
    {
        using var session = new CliSession();
        var bytes = Encoding.UTF8.GetBytes("not a database\n");
        File.WriteAllBytes(session.Db, bytes);

        var (exit, _, error) = session.Crm("init");

        Assert.Equal(1, exit);
        Assert.Contains("already exists", error);
        Assert.Equal(bytes, File.ReadAllBytes(session.Db));
    }

    /// <summary>Text files of several sizes, random bytes, and a real database cut short or with a damaged header page.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> Files(CliSession session)
    {
        yield return ("an empty file", []);
        foreach (var size in new[] { 12, 8192, 30_000 }) yield return ($"{size} bytes of text", Text(size));
        var random = new byte[20_480];
        new Random(12).NextBytes(random);
        yield return ("random bytes", random);
        var database = Database(session);
        yield return ("a database cut to half", database[..(database.Length / 2)]);
        yield return ("a database one page short", database[..^8192]);
        yield return ("a database cut to its header page", database[..8192]);
        var damaged = (byte[])database.Clone();
        new Random(5).NextBytes(damaged.AsSpan(120, 8000));
        yield return ("a database with a damaged header page", damaged);
    }

    private static byte[] Text(int size)
    {
        var text = new StringBuilder();
        while (text.Length < size) text.Append("code,name\nC1,Li Wei\n");
        return Encoding.UTF8.GetBytes(text.ToString(0, size));
    }

    private static byte[] Database(CliSession session)
    {
        var path = Path.Combine(session.Folder, "good.db");
        Assert.Equal(0, CliSession.Run("init", "--db", path).Exit);
        var rows = string.Concat(Enumerable.Range(0, 400).Select(i => $"C{i},Customer {i}\n"));
        Assert.Equal(0, CliSession.Run("import", "customers", session.File("good.csv", "code,name\n" + rows), "--db", path).Exit);
        return File.ReadAllBytes(path);
    }
}
