using System.CommandLine;
using System.Globalization;

namespace CrmKit.Cli;

/// <summary>
/// The <c>--db</c> option every database command takes, the <c>--wait</c> option for a database
/// another process has open, and opening the database they name.
/// </summary>
/// <remarks>
/// The configuration (attributes, stages, purchase and refund kinds, contact policy) is stored in the
/// database. A settings file beside it (<c>crm.db.json</c> beside <c>crm.db</c>), as earlier versions of
/// <c>crmkit init</c> wrote, is still read and given as options: what it adds is stored, what it
/// contradicts is refused with the file and the setting named.
/// </remarks>
internal static class DatabaseOption
{
    /// <summary>The default database file, in the working folder.</summary>
    internal const string DefaultPath = "crm.db";

    /// <summary>How long a command waits, by default, for another process that has the database open.</summary>
    internal const double DefaultWaitSeconds = 10;

    private const string WaitName = "--wait";

    /// <summary>A new <c>--db</c> option (an option instance belongs to one command).</summary>
    internal static Option<string> Create() => new("--db")
    {
        Description = $"The database file. Default: {DefaultPath} in the working folder.",
        DefaultValueFactory = _ => DefaultPath,
    };

    /// <summary>The <c>--wait</c> option, given once to the root command and taken by every command under it.</summary>
    internal static Option<double> CreateWait() => new(WaitName)
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"Seconds to wait while another process has the database open (a writer excludes everyone, readers exclude writers). Default: {DefaultWaitSeconds}; 0 refuses at once."),
        DefaultValueFactory = _ => DefaultWaitSeconds,
        Recursive = true,
    };

    /// <summary>The wait the command line asks for.</summary>
    /// <exception cref="CommandFailure">The wait is negative or longer than a day (exit code 2).</exception>
    internal static TimeSpan WaitOf(ParseResult parsed)
    {
        var seconds = parsed.GetValue<double>(WaitName);
        if (double.IsNaN(seconds) || seconds < 0 || seconds > 86_400)
            throw new CommandFailure(CrmKitCli.UsageError, string.Create(CultureInfo.InvariantCulture, $"--wait {seconds} is out of range; give 0 to 86400 seconds."));
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Opens the existing database named by <paramref name="db"/>, read-only when the command only reads.</summary>
    /// <exception cref="CommandFailure">The database does not exist, its settings file is unreadable, or the wait is out of range.</exception>
    internal static CrmDatabase Open(ParseResult parsed, Option<string> db, bool readOnly) =>
        Open(OptionsFor(parsed.GetValue(db)!, readOnly, WaitOf(parsed)));

    /// <summary>Opens an existing database for writing, waiting the default time for other processes.</summary>
    /// <exception cref="CommandFailure">The database does not exist or its settings file is unreadable.</exception>
    internal static CrmDatabase Open(string path) => Open(OptionsFor(path, readOnly: false, TimeSpan.FromSeconds(DefaultWaitSeconds)));

    /// <summary>Opens a database with <paramref name="options"/>, naming the settings file when what it gives contradicts the stored configuration.</summary>
    internal static CrmDatabase Open(CrmOptions options)
    {
        try
        {
            return CrmDatabase.Open(options);
        }
        catch (CrmConfigurationException e) when (options.FilePath is { } path && File.Exists(CrmSettings.PathFor(path)))
        {
            throw new CommandFailure(CrmKitCli.Problems, $"{CrmSettings.PathFor(path)}: {e.Message}");
        }
    }

    /// <summary>
    /// The options an existing database is opened with: what its settings file gives, if it has one;
    /// the rest comes from the configuration stored in the database.
    /// </summary>
    /// <exception cref="CommandFailure">The database does not exist or its settings are unreadable or invalid (exit code 1).</exception>
    internal static CrmOptions OptionsFor(string path, bool readOnly, TimeSpan wait)
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
            return settings.ToOptions(full) with { ReadOnly = readOnly, LockTimeout = wait };
        }
        catch (CrmValidationException e)
        {
            throw new CommandFailure(CrmKitCli.Problems, $"{settingsPath}: {e.Message}");
        }
    }
}
