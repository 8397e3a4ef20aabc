using System.Text;
using System.Text.RegularExpressions;
using CrmKit.Cli;
using CrmKit.PostgreSql.Tests.Server;

namespace CrmKit.PostgreSql.Tests.Cli;

/// <summary>
/// The operator's flow through the <c>crmkit</c> entry point, once on a database file and once on
/// PostgreSQL, from the same generated base: init with a contact policy, import customers and
/// interactions, sweep at several instants (one twice), preview and refresh a scripted segment,
/// report. What each store answers must be the same, down to every care task.
/// </summary>
public sealed class CliOnBothStoresTests(PostgresDatabase server) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Settings = """
        {
          "attributes": { "city": "text", "visits": "integer" },
          "contactPolicy": { "maxPerChannel": 1, "capWindow": "7d", "quietStart": "20:00", "quietEnd": "09:00", "requireOptIn": false, "expireAfter": "21d" }
        }
        """;

    private const string Segment = "Customer.Frequency >= 3 && Customer.MonetaryTotal > 1000m";

    // A weekday noon in Shanghai, the night New York's clocks go forward, a Saturday night, the night London's clocks go forward.
    private static readonly string[] Instants = ["2027-03-10T04:30:00Z", "2027-03-14T07:30:00Z", "2027-03-20T23:00:00Z", "2027-03-28T01:30:00Z"];

    private readonly string _folder = Directory.CreateTempSubdirectory("crmkit-pg-cli-").FullName;

    [Fact]
    public void A_generated_base_swept_through_the_cli_gives_the_same_care_tasks_segments_and_report_on_both_stores()
    {
        var data = new GeneratedBase(seed: 20270310, count: 400);
        var file = Flow(Path.Combine(_folder, "crm.db"), data);
        var postgres = Flow(server.ConnectionString + ";Schema=cli_flow", data);

        Assert.NotEmpty(CsvRows(file.Tasks));
        Assert.Contains(",opted-out,", file.Suppressions);
        Assert.Contains(",frequency-cap,", file.Suppressions);
        Assert.Equal(file.Sweeps, postgres.Sweeps);
        SameRows("care tasks", CsvRows(file.Tasks), CsvRows(postgres.Tasks));
        SameRows("care suppressions", CsvRows(file.Suppressions), CsvRows(postgres.Suppressions));
        Assert.Equal(file.Preview, postgres.Preview);
        Assert.Equal(file.Refresh, postgres.Refresh);
        Assert.Equal(file.Report, postgres.Report);
    }

    [Fact]
    public void Init_on_a_server_creates_the_schema_and_db_migrate_then_finds_nothing_to_do()
    {
        var db = server.ConnectionString + ";Schema=cli_init";
        var init = Ok(Crm(db, "init", "--schema", Write("settings.json", Settings)));
        Assert.Contains("migrated from version 0 to " + PostgreSqlSchema.SupportedVersion, init);
        Assert.Contains("applied 0001_customers", init);
        Assert.Contains("Attributes: city (text), visits (integer).", init);

        var again = Crm(db, "init");
        Assert.Equal(1, again.Exit);
        Assert.Contains("already holds a CrmKit database", again.Error);

        Assert.Contains("no migration was pending", Ok(Crm(db, "db", "migrate")));
        Assert.Contains("Up to date.", Ok(Crm(db, "db", "status")));
        // The configuration is stored in the database: another command sees it without a settings file.
        Assert.Contains("\"visits\": \"integer\"", Ok(Crm(db, "configure")));
        Assert.Contains("\"maxPerChannel\": 1", Ok(Crm(db, "configure")));
    }

    [Fact]
    public void A_schema_never_initialised_is_refused_and_db_status_reports_its_pending_migrations()
    {
        var db = server.ConnectionString + ";Schema=cli_missing";
        var refused = Crm(db, "report");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("no CrmKit database at postgresql://", refused.Error);

        var status = Crm(db, "db", "status");
        Assert.Equal(1, status.Exit);
        Assert.Contains("schema version 0", status.Output);
        Assert.Contains("run 'crmkit db migrate'", status.Output);
    }

    [Fact]
    public void A_password_on_the_command_line_is_never_printed_back()
    {
        const string secret = "s3cret-Pa55";
        var uri = $"postgresql://crmkit:{secret}@localhost:1/no_such_database?schema=crmkit&connect_timeout=2";
        var keyValues = $"Host=localhost;Port=1;Database=nowhere;Username=crmkit;Password={secret};Timeout=2";
        foreach (var db in new[] { uri, keyValues })
        {
            foreach (var args in new[] { new[] { "report" }, ["init"], ["db", "migrate"], ["db", "status"], ["care", "tasks"] })
            {
                var run = Crm(db, args);
                Assert.NotEqual(0, run.Exit);
                Assert.DoesNotContain(secret, run.Output + run.Error);
                Assert.Contains("postgresql://crmkit@localhost:1/", run.Error);
            }
        }
        var bad = Crm($"Host=localhost;Password={secret};Schema=Not-A-Schema", "report");
        Assert.Equal(2, bad.Exit);
        Assert.DoesNotContain(secret, bad.Output + bad.Error);
    }

    [Fact]
    public void Db_commands_refuse_a_file()
    {
        var run = Crm(Path.Combine(_folder, "crm.db"), "db", "migrate");
        Assert.Equal(2, run.Exit);
        Assert.Contains("is a file", run.Error);
    }

    private sealed record Answers(string Sweeps, string Tasks, string Suppressions, string Preview, string Refresh, string Report);

    private Answers Flow(string db, GeneratedBase data)
    {
        Ok(Crm(db, "init", "--schema", Write("settings.json", Settings)));
        Ok(Crm(db, "import", "customers", Write("customers.csv", data.CustomersCsv)));
        Ok(Crm(db, "import", "interactions", Write("interactions.csv", data.InteractionsCsv)));
        var sweeps = new StringBuilder();
        foreach (var at in Instants.Take(3)) sweeps.AppendLine(Ok(Crm(db, "care", "sweep", "--at", at)));
        sweeps.AppendLine(Ok(Crm(db, "care", "sweep", "--at", Instants[1])));
        sweeps.AppendLine(Ok(Crm(db, "care", "sweep", "--at", Instants[3])));
        var tasks = Ok(Crm(db, "care", "tasks", "--status", "all", "--csv"));
        var suppressions = Ok(Crm(db, "care", "suppressions", "--csv"));

        var script = Write("big-spenders.csx", Segment);
        var preview = Regex.Replace(Ok(Crm(db, "segment", "preview", script, "--sample", "100000")), @"\(\d+ ms\)", "(… ms)");
        Ok(Crm(db, "segment", "define", "big-spenders", script));
        var refresh = Ok(Crm(db, "segment", "refresh"));
        var report = Ok(Crm(db, "report"));
        return new Answers(sweeps.ToString(), tasks, suppressions, preview, refresh, report);
    }

    /// <summary>
    /// The CSV's rows without what a store numbers or the wall clock stamps: the id and created-at
    /// columns, and the instant a consent was recorded (the import's time) in a suppression's detail; sorted.
    /// </summary>
    private static List<string> CsvRows(string csv)
    {
        csv = Regex.Replace(csv, @"(opted (?:out of|in to) [a-z-]+) at \d{4}-\d\d-\d\dT[0-9:.]+[+-]\d\d:\d\d", "$1 at (import)");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var volatileColumns = header.Select((h, i) => (h, i)).Where(c => c.h is "id" or "created-at").Select(c => c.i).ToHashSet();
        return lines.Skip(1)
            .Select(line => string.Join(',', SplitCsv(line).Where((_, i) => !volatileColumns.Contains(i))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Equal rows, or a failure that shows the first rows only one store has.</summary>
    private static void SameRows(string what, List<string> file, List<string> postgres)
    {
        var onlyFile = file.Except(postgres, StringComparer.Ordinal).Take(5).ToList();
        var onlyPostgres = postgres.Except(file, StringComparer.Ordinal).Take(5).ToList();
        Assert.True(onlyFile.Count == 0 && onlyPostgres.Count == 0 && file.Count == postgres.Count,
            $"{what}: {file.Count} row(s) on the file, {postgres.Count} on PostgreSQL.\nOnly on the file:\n{string.Join('\n', onlyFile)}\nOnly on PostgreSQL:\n{string.Join('\n', onlyPostgres)}");
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static (int Exit, string Output, string Error) Crm(string db, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CrmKitCli.Run([.. args, "--db", db], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Ok((int Exit, string Output, string Error) run)
    {
        Assert.True(run.Exit == 0, run.Output + run.Error);
        return run.Output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test; the temporary folder is cleaned up by the system.
        }
    }
}
