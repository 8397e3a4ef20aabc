using System.CommandLine;
using System.Globalization;
using CrmKit.PostgreSql;

namespace CrmKit.Cli;

/// <summary>
/// The <c>crmkit db migrate|status</c> commands for a database on a PostgreSQL server: apply the
/// schema's pending migrations ahead of a deployment and print what ran, or print the schema's
/// version. Stores open (and so migrate) on their own as well; these commands make it explicit.
/// </summary>
internal static class DbCommands
{
    internal static Command Create(TextWriter output, TextWriter error) =>
        new("db", "The CrmKit schema on a PostgreSQL server: its migrations and version.")
        {
            Migrate(output, error),
            Status(output, error),
        };

    private static Command Migrate(TextWriter output, TextWriter error)
    {
        var db = ServerOption();
        var command = new Command("migrate", "Create the CrmKit schema if it is missing and apply every migration it lacks, in one transaction; print what ran.") { db };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            var target = Server(parsed.GetValue(db)!);
            var result = Run(target, ct => PostgreSqlSchema.MigrateAsync(target.Server!, ct));
            output.WriteLine($"Schema of {target.Display}:");
            DescribeMigration(result, output);
            return CrmKitCli.Success;
        }));
        return command;
    }

    private static Command Status(TextWriter output, TextWriter error)
    {
        var db = ServerOption();
        var command = new Command("status", "Print the version of the CrmKit schema and whether migrations are pending; exit code 1 when they are or the schema is newer than this crmkit.") { db };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            var target = Server(parsed.GetValue(db)!);
            var version = Run(target, ct => PostgreSqlSchema.VersionAsync(target.Server!, ct));
            var supported = PostgreSqlSchema.SupportedVersion;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target.Display}: schema version {version}; this crmkit writes version {supported}."));
            if (version == supported)
            {
                output.WriteLine("Up to date.");
                return CrmKitCli.Success;
            }
            output.WriteLine(version < supported
                ? string.Create(CultureInfo.InvariantCulture, $"{supported - version} migration(s) pending; run 'crmkit db migrate'.")
                : "The schema is newer than this crmkit; update crmkit.");
            return CrmKitCli.Problems;
        }));
        return command;
    }

    /// <summary>Prints the versions a migration went between and each script it applied.</summary>
    internal static void DescribeMigration(SchemaMigrationResult result, TextWriter output)
    {
        if (result.Applied.Count == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Schema '{result.Schema}' is at version {result.ToVersion}; no migration was pending."));
            return;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Schema '{result.Schema}' migrated from version {result.FromVersion} to {result.ToVersion}:"));
        foreach (var name in result.Applied) output.WriteLine("  applied " + name);
    }

    private static Option<string> ServerOption() => new("--db")
    {
        Description = "The PostgreSQL server, as a URI (postgresql://user@host:5432/crm?schema=crmkit) or a connection string starting Host=. A database file needs no migration.",
        Required = true,
    };

    private static DatabaseTarget Server(string value)
    {
        var target = DatabaseTarget.Parse(value);
        if (!target.IsServer)
            throw new CommandFailure(CrmKitCli.UsageError, $"--db '{value}' is a file; 'crmkit db' works on a PostgreSQL server (postgresql://… or Host=…). A file is upgraded when it is opened.");
        return target;
    }

    private static T Run<T>(DatabaseTarget target, Func<CancellationToken, Task<T>> call)
    {
        try
        {
            return ServerCalls.Run(target, call);
        }
        catch (SchemaVersionException e)
        {
            throw new CommandFailure(CrmKitCli.Problems, e.Message);
        }
    }
}
