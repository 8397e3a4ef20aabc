using System.CommandLine;

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
        var command = new Command("init", "Create a database file, with its configuration (attributes, stages, kinds, contact policy) stored in it.") { db, schema };
        command.SetAction(parsed => CommandRunner.Run(error, () => Init(parsed.GetValue(db)!, parsed.GetValue(schema), output)));
        return command;
    }

    internal static int Init(string dbPath, string? schemaPath, TextWriter output)
    {
        var full = Path.GetFullPath(dbPath);
        var settingsPath = CrmSettings.PathFor(full);
        CrmSettings given = new();
        if (schemaPath is not null)
        {
            if (!File.Exists(schemaPath)) throw new CommandFailure(CrmKitCli.UsageError, $"cannot read '{schemaPath}': no such file.");
            given = CrmSettings.Parse(File.ReadAllText(schemaPath), schemaPath);
        }
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
    }
}
