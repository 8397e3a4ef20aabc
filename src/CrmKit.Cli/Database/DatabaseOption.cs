using System.CommandLine;

namespace CrmKit.Cli;

/// <summary>
/// The <c>--db</c> option every database command takes, and opening the database it names with
/// the options from its settings file.
/// </summary>
internal static class DatabaseOption
{
    /// <summary>The default database file, in the working folder.</summary>
    internal const string DefaultPath = "crm.db";

    /// <summary>A new <c>--db</c> option (an option instance belongs to one command).</summary>
    internal static Option<string> Create() => new("--db")
    {
        Description = $"The database file; its settings are read from the same path plus '.json'. Default: {DefaultPath} in the working folder.",
        DefaultValueFactory = _ => DefaultPath,
    };

    /// <summary>
    /// Opens an existing database with the options from its settings file (the library's defaults
    /// when the file has none).
    /// </summary>
    /// <exception cref="CommandFailure">The database does not exist or its settings are unreadable.</exception>
    internal static CrmDatabase Open(string path) => CrmDatabase.Open(OptionsFor(path));

    /// <summary>The options an existing database is opened with: those of its settings file, or the library's defaults.</summary>
    /// <exception cref="CommandFailure">The database does not exist or its settings are unreadable or invalid (exit code 1).</exception>
    internal static CrmOptions OptionsFor(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new CommandFailure(CrmKitCli.Problems, $"no database at '{path}'; create one with 'crmkit init --db {path}'.");
        var settingsPath = CrmSettings.PathFor(full);
        var settings = File.Exists(settingsPath)
            ? CrmSettings.Parse(File.ReadAllText(settingsPath), settingsPath)
            : new CrmSettings();
        try
        {
            return settings.ToOptions(full);
        }
        catch (CrmValidationException e)
        {
            throw new CommandFailure(CrmKitCli.Problems, $"{settingsPath}: {e.Message}");
        }
    }
}
