using System.CommandLine;
using CrmKit.PostgreSql;

namespace CrmKit.Cli;

/// <summary>
/// The <c>crmkit init</c> command: creates a database file with its configuration stored in it. It is
/// the only command that creates a database; every other command refuses a missing file.
/// </summary>
internal static class InitCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = DatabaseOption.Create();
        var schema = new Option<string?>("--schema")
        {
            Description = "A JSON settings file declaring attributes (name → type), stages, purchase/refund kinds and the contact policy; stored, with defaults filled in, in the database.",
        };
        var command = new Command("init", "Create a database file, or the CrmKit schema on a PostgreSQL server, with its configuration (attributes, stages, kinds, contact policy) stored in it.") { db, schema };
        command.SetAction(parsed => CommandRunner.Run(error, () => Init(parsed.GetValue(db)!, parsed.GetValue(schema), output)));
        return command;
    }

    internal static int Init(string dbPath, string? schemaPath, TextWriter output)
    {
        CrmSettings given = new();
        if (schemaPath is not null)
        {
            if (!File.Exists(schemaPath)) throw new CommandFailure(CrmKitCli.UsageError, $"cannot read '{schemaPath}': no such file.");
            given = CrmSettings.Parse(File.ReadAllText(schemaPath), schemaPath);
        }
        var target = DatabaseTarget.Parse(dbPath);
        if (target.IsServer) return InitServer(target, given, schemaPath, output);
        var full = Path.GetFullPath(dbPath);
        var settingsPath = CrmSettings.PathFor(full);
        if (File.Exists(full)) throw new CommandFailure(CrmKitCli.Problems, $"'{dbPath}' already exists; choose another --db or remove it first.");
        // A settings file beside the database is read by every command: one left over from another database would compete with the stored configuration.
        if (File.Exists(settingsPath)) throw new CommandFailure(CrmKitCli.Problems, $"'{settingsPath}' already exists; remove it first.");

        CrmSettings complete;
        CrmOptions options;
        try
        {
            complete = given.Complete();
            options = complete.ToOptions(full);
        }
        catch (CrmValidationException e)
        {
            throw new CommandFailure(CrmKitCli.Problems, $"{schemaPath}: {e.Message}");
        }
        var folder = Path.GetDirectoryName(full);
        if (folder is not null) Directory.CreateDirectory(folder);
        using (CrmDatabase.Open(options with { CreateIfMissing = true })) { }

        output.WriteLine($"Created {dbPath}.");
        Describe(options, output);
        return CrmKitCli.Success;
    }

    /// <summary>
    /// Creates the CrmKit schema on a server (applying every migration) and stores the configuration.
    /// A schema that already stores a configuration is refused, as an existing file is.
    /// </summary>
    private static int InitServer(DatabaseTarget target, CrmSettings given, string? schemaPath, TextWriter output)
    {
        CrmOptions options;
        try
        {
            options = given.Complete().ToOptions(null);
        }
        catch (CrmValidationException e)
        {
            throw new CommandFailure(CrmKitCli.Problems, $"{schemaPath}: {e.Message}");
        }
        var server = target.Server!;
        var migrated = ServerCalls.Run(target, ct => PostgreSqlSchema.MigrateAsync(server, ct));
        var store = PostgreSqlStore.Open(server);
        CrmDatabase crm;
        try
        {
            if (ServerCalls.Run(target, ct => store.ReadAsync((s, c) => s.Configuration.ReadAsync(c), ct).AsTask()) is not null)
                throw new CommandFailure(CrmKitCli.Problems, $"{target.Display} already holds a CrmKit database; choose another schema or database.");
            crm = CrmDatabase.Open(options, store);
        }
        catch
        {
            store.Dispose();
            throw;
        }
        crm.Dispose();
        output.WriteLine($"Created {target.Display}.");
        DbCommands.DescribeMigration(migrated, output);
        Describe(options, output);
        return CrmKitCli.Success;
    }

    /// <summary>Prints the configuration <paramref name="options"/> carry, one line per setting.</summary>
    internal static void Describe(CrmOptions options, TextWriter output)
    {
        var complete = CrmSettings.From(options);
        var attributes = options.Attributes.Attributes;
        output.WriteLine(attributes.Count == 0
            ? "Attributes: none."
            : "Attributes: " + string.Join(", ", attributes.Select(a => $"{a.Key} ({AttributeTypeNames.Name(a.Value)})")) + ".");
        output.WriteLine($"Stages: {string.Join(", ", options.Stages.Stages)} (new customers start in '{options.Stages.Initial}').");
        output.WriteLine($"Purchase kinds: {string.Join(", ", complete.PurchaseKinds!)}; refund kinds: {string.Join(", ", complete.RefundKinds!)}.");
        var p = complete.ContactPolicy!;
        output.WriteLine($"Contact policy: at most {p.MaxPerChannel} task(s) per customer and channel within {p.CapWindow}; quiet hours {p.QuietStart} to {p.QuietEnd}; "
            + $"{(p.RequireOptIn == true ? "an opt-in is required" : "only an opt-out blocks a channel")}; open tasks expire {p.ExpireAfter} after they are due.");
        var cases = complete.CasePolicy!;
        output.WriteLine($"Case policy: {cases.Rules!.Count} deadline rule(s), {cases.Rules.Count(r => r.FirstResponseEscalation is not null || r.ResolutionEscalation is not null)} escalating; "
            + $"business hours in {Printable.Message(cases.TimeZone!)}: {string.Join(", ", cases.Hours!.Select(d => $"{d.Key} {string.Join(" ", d.Value)}"))}.");
        output.WriteLine($"Stage rules: {options.StageRules}.");
        output.WriteLine($"Loyalty: {LoyaltyListing.Describe(options.Loyalty)}.");
    }
}
