using System.CommandLine;

namespace CrmKit.Cli;

/// <summary>
/// The <c>crmkit configure</c> command: prints the configuration stored in a database as settings
/// JSON, or applies a settings file to it (additions are stored, contradictions refused).
/// </summary>
internal static class ConfigureCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = DatabaseOption.Create();
        var schema = new Option<string?>("--schema")
        {
            Description = "A JSON settings file, as for 'init'. Attributes, stages and transitions it adds are stored and a contact policy it gives replaces the stored one; a different attribute type, initial stage or purchase/refund kinds, or a missing stage or transition, is refused.",
        };
        var command = new Command("configure", "Print the configuration stored in the database as settings JSON, or apply a settings file to it.") { db, schema };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
            parsed.GetValue(schema) is { } file
                ? Apply(parsed.GetValue(db)!, file, DatabaseOption.WaitOf(parsed), output)
                : Show(DatabaseOption.Open(parsed, db, readOnly: true), output)));
        return command;
    }

    private static int Show(CrmDatabase crm, TextWriter output)
    {
        using (crm) output.WriteLine(CrmSettings.From(crm.Options).ToJson());
        return CrmKitCli.Success;
    }

    private static int Apply(string dbPath, string schemaPath, TimeSpan wait, TextWriter output)
    {
        if (!File.Exists(schemaPath)) throw new CommandFailure(CrmKitCli.UsageError, $"cannot read '{schemaPath}': no such file.");
        var given = CrmSettings.Parse(File.ReadAllText(schemaPath), schemaPath);
        var target = DatabaseTarget.Parse(dbPath);
        if (!target.IsServer && !File.Exists(target.FilePath)) throw new CommandFailure(CrmKitCli.Problems, $"no database at '{dbPath}'; create one with 'crmkit init --db {dbPath}'.");
        CrmOptions options;
        try
        {
            options = given.ToOptions(target.FilePath) with { LockTimeout = wait };
        }
        catch (CrmValidationException e)
        {
            throw new CommandFailure(CrmKitCli.Problems, $"{schemaPath}: {e.Message}");
        }
        try
        {
            using var crm = target.IsServer ? DatabaseOption.Open(target, options) : CrmDatabase.Open(options);
            output.WriteLine($"Configuration of {target.Display}:");
            InitCommand.Describe(crm.Options, output);
        }
        catch (CrmConfigurationException e)
        {
            throw new CommandFailure(CrmKitCli.Problems, $"{schemaPath}: {e.Message}");
        }
        return CrmKitCli.Success;
    }
}
