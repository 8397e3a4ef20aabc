using System.CommandLine;
using System.Globalization;
using CrmKit.PostgreSql;

namespace CrmKit.Cli;

/// <summary>
/// The <c>--db</c> option every database command takes, the <c>--wait</c> option for a database file
/// another process has open, and opening the database they name: a file, or a CrmKit schema on a
/// PostgreSQL server (see <see cref="DatabaseTarget"/>).
/// </summary>
/// <remarks>
/// The configuration (attributes, stages, purchase and refund kinds, contact policy) is stored in the
/// database. A settings file beside a database file (<c>crm.db.json</c> beside <c>crm.db</c>), as earlier
/// versions of <c>crmkit init</c> wrote, is still read and given as options: what it adds is stored,
/// what it contradicts is refused with the file and the setting named. A server has no settings file.
/// </remarks>
internal static class DatabaseOption
{
    /// <summary>The default database file, in the working folder.</summary>
    internal const string DefaultPath = "crm.db";

    /// <summary>How long a command waits, by default, for another process that has the database open.</summary>
    internal const double DefaultWaitSeconds = 10;

    /// <summary>What <c>--db</c> takes, for the option's help.</summary>
    internal const string Takes = "The database: a file path, or a PostgreSQL server as a URI (postgresql://user@host:5432/crm?schema=crmkit) or a connection string starting Host= (Host=db;Database=crm;Username=app;Schema=crmkit). Give the password through PGPASSWORD or a password file rather than on the command line.";

    private const string WaitName = "--wait";

    /// <summary>A new <c>--db</c> option (an option instance belongs to one command).</summary>
    internal static Option<string> Create() => new("--db")
    {
        Description = $"{Takes} Default: {DefaultPath} in the working folder.",
        DefaultValueFactory = _ => DefaultPath,
    };

    /// <summary>The <c>--wait</c> option, given once to the root command and taken by every command under it.</summary>
    internal static Option<double> CreateWait() => new(WaitName)
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"Seconds to wait while another process has the database file open (a writer excludes everyone, readers exclude writers); a server is shared and never waited for. Default: {DefaultWaitSeconds}; 0 refuses at once."),
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
    internal static CrmDatabase Open(ParseResult parsed, Option<string> db, bool readOnly)
    {
        var target = DatabaseTarget.Parse(parsed.GetValue(db)!);
        return Open(target, OptionsFor(target, readOnly, WaitOf(parsed)));
    }

    /// <summary>Opens an existing database for writing, waiting the default time for other processes.</summary>
    /// <exception cref="CommandFailure">The database does not exist or its settings file is unreadable.</exception>
    internal static CrmDatabase Open(string db)
    {
        var target = DatabaseTarget.Parse(db);
        return Open(target, OptionsFor(target, readOnly: false, TimeSpan.FromSeconds(DefaultWaitSeconds)));
    }

    /// <summary>Opens a database file with <paramref name="options"/>, naming the settings file when what it gives contradicts the stored configuration.</summary>
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

    /// <summary>Opens the existing database <paramref name="target"/> names with <paramref name="options"/>.</summary>
    /// <exception cref="CommandFailure">A server schema holds no CrmKit database yet (exit code 1).</exception>
    internal static CrmDatabase Open(DatabaseTarget target, CrmOptions options)
    {
        if (target.Server is not { } server) return Open(options);
        RequireInitialised(target);
        return PostgreSqlCrm.Open(options, server);
    }

    /// <summary>Refuses a server schema that <c>crmkit init</c> has not made, so a mistyped schema never becomes a new, empty database.</summary>
    /// <exception cref="CommandFailure">The schema has no CrmKit tables (exit code 1).</exception>
    internal static void RequireInitialised(DatabaseTarget target)
    {
        if (ServerCalls.Run(target, ct => PostgreSqlSchema.VersionAsync(target.Server!, ct)) == 0)
            throw new CommandFailure(CrmKitCli.Problems, $"no CrmKit database at {target.Display}; create one with 'crmkit init --db …'.");
    }

    /// <summary>
    /// The options an existing database is opened with: for a file, what its settings file gives, if
    /// it has one; the rest comes from the configuration stored in the database.
    /// </summary>
    /// <exception cref="CommandFailure">The file does not exist or its settings are unreadable or invalid (exit code 1).</exception>
    internal static CrmOptions OptionsFor(DatabaseTarget target, bool readOnly, TimeSpan wait)
    {
        if (target.IsServer) return new CrmOptions { ReadOnly = readOnly };
        return OptionsFor(target.Text, readOnly, wait);
    }

    /// <summary>The options an existing database file is opened with; see <see cref="OptionsFor(DatabaseTarget, bool, TimeSpan)"/>.</summary>
    /// <exception cref="CommandFailure">The file does not exist or its settings are unreadable or invalid (exit code 1).</exception>
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

    /// <summary>The database file of <paramref name="db"/>, whose companion files no output may replace; null for a server.</summary>
    internal static string? FileOf(string? db) => db is null || DatabaseTarget.LooksLikeServer(db) ? null : db;
}
