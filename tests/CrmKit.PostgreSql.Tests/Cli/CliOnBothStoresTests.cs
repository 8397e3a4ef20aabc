using System.Text;
using CrmKit.Cli;
using CrmKit.PostgreSql.Tests.Server;

namespace CrmKit.PostgreSql.Tests.Cli;

/// <summary>The <c>crmkit</c> entry point on a PostgreSQL server: init, the db commands, refusals, and passwords kept out of every message.</summary>
public sealed class CliOnBothStoresTests(PostgresDatabase server) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Settings = """
        {
          "attributes": { "city": "text", "visits": "integer" },
          "contactPolicy": { "maxPerChannel": 1, "capWindow": "7d", "quietStart": "20:00", "quietEnd": "09:00", "requireOptIn": false, "expireAfter": "21d" }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("crmkit-pg-cli-").FullName;

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
