using CrmKit.Cli;

namespace CrmKit.Scripting.Tests.Cli;

/// <summary>Runs <c>crmkit segment</c>, <c>care</c> and <c>customer</c> in-process on a database file.</summary>
public sealed class SegmentCareCustomerCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-cli-tests", Guid.NewGuid().ToString("N"));

    public SegmentCareCustomerCommandTests()
    {
        Directory.CreateDirectory(_folder);
        using var crm = CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(Db));
        for (var i = 0; i < 5; i++)
        {
            crm.Customers.Create(new Customer($"C{i}", $"客户 {i}") { Tags = i < 3 ? ["vip"] : [], Birthday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)) });
            crm.Interactions.Record(new Interaction($"C{i}", InteractionKind.Purchase, Channel.Store, DateTimeOffset.UtcNow.AddDays(-i)) { Amount = 10m * (i + 1) });
        }
        File.WriteAllText(Script, "Customer.HasTag(\"vip\")");
    }

    private string Db => Path.Combine(_folder, "crm.db");

    private string Script => Path.Combine(_folder, "vip.csx");

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CrmKitCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Preview_counts_and_samples_without_writing()
    {
        var before = File.ReadAllBytes(Db);
        var (exit, output, error) = Run("segment", "preview", Script, "--db", Db, "--sample", "2");
        Assert.True(exit == 0, output + error);
        Assert.Contains("3 of 5 customers match", output);
        Assert.Contains("C0", output);
        Assert.DoesNotContain("C2", output);
        Assert.Equal(before, File.ReadAllBytes(Db));
    }

    [Fact]
    public void Define_then_refresh_then_show_the_customer_with_since_when()
    {
        Assert.Equal(0, Run("segment", "define", "vip", Script, "--db", Db, "--description", "VIPs").Exit);
        var (exit, output, error) = Run("segment", "refresh", "--db", Db);
        Assert.True(exit == 0, output + error);
        Assert.Contains("1 segment(s) refreshed.", output);
        Assert.Matches(@"vip\s*│\s*1\s*│\s*5\s*│\s*3\s*│\s*3", output);
        var show = Run("customer", "show", "C1", "--db", Db);
        Assert.True(show.Exit == 0, show.Output + show.Error);
        Assert.Contains("客户 1", show.Output);
        Assert.Matches(@"│ vip\s*│ \d{4}-\d\d-\d\d", show.Output);
        Assert.Contains("purchase", show.Output);
        var explain = Run("segment", "explain", "vip", "C4", "--db", Db);
        Assert.Contains("C4 does not match 'vip'", explain.Output);
    }

    [Fact]
    public void Care_sweep_creates_tasks_once_and_show_lists_them()
    {
        var at = DateTimeOffset.UtcNow.ToString("o");
        var first = Run("care", "sweep", "--db", Db, "--at", at);
        Assert.True(first.Exit == 0, first.Output + first.Error);
        var second = Run("care", "sweep", "--db", Db, "--at", at);
        Assert.Matches(@"│\s*5\s*│\s*\d+\s*│\s*0\s*│", second.Output);
        Assert.Contains("birthday:", Run("customer", "show", "C0", "--db", Db).Output);
    }

    [Fact]
    public void Exit_codes_tell_usage_from_failure()
    {
        Assert.Equal(2, Run("care", "sweep", "--db", Db, "--at", "yesterday-ish").Exit);
        Assert.Equal(2, Run("segment", "refresh").Exit);
        Assert.Equal(2, Run("customer", "show", "C0", "--db", Path.Combine(_folder, "missing.db")).Exit);
        Assert.Equal(1, Run("customer", "show", "NOPE", "--db", Db).Exit);
        File.WriteAllText(Script, "Customer.Nope");
        var rejected = Run("segment", "preview", Script, "--db", Db);
        Assert.Equal(1, rejected.Exit);
        Assert.Contains("error CS", rejected.Output);
    }

    [Fact]
    public void What_a_failing_script_says_reaches_the_terminal_escaped_from_preview_refresh_and_sweep()
    {
        const string Hostile = "\u001b]0;pwned\u0007\u001b[2J\u202eevil";
        File.WriteAllText(Script, $"if (Customer.Code == \"C1\") throw new Exception(\"{Hostile}\");\nreturn true;");
        var care = Path.Combine(_folder, "loud.csx");
        File.WriteAllText(care, $"if (Customer.Code == \"C1\") throw new Exception(\"{Hostile}\");");
        Assert.Equal(0, Run("segment", "define", "loud", Script, "--db", Db).Exit);

        foreach (var (exit, output, error) in new[]
        {
            Run("segment", "preview", Script, "--db", Db),
            Run("segment", "refresh", "--db", Db),
            Run("care", "sweep", "--db", Db, "--script", care, "--no-built-in"),
        })
        {
            Assert.True(exit == 1, output + error);
            Assert.Contains(@"failed: rule '", output);
            Assert.Contains(@"\u001B]0;pwned\u0007\u001B[2J\u202Eevil", output);
            Assert.DoesNotContain('\u001b', output + error);
            Assert.DoesNotContain('\u202e', output + error);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
