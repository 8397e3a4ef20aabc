using System.Globalization;

namespace CrmKit.PostgreSql.Tests.Server;

/// <summary>
/// Where the PostgreSQL server programs are: one folder holding <c>initdb</c>, <c>pg_ctl</c>,
/// <c>postgres</c> and, beside them, <c>pg_dump</c> and <c>psql</c>.
/// </summary>
/// <remarks>
/// Looked for in this order: the folder named by <c>CRMKIT_PG_BINDIR</c>; Debian's and Ubuntu's
/// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (highest version first); the PGDG packages'
/// <c>/usr/pgsql-&lt;version&gt;/bin</c>; then <c>initdb</c> on PATH. When none is found on Debian or
/// Ubuntu as root, the server is installed with <c>apt-get install -y postgresql</c>, once per
/// machine even when several test processes start together. Elsewhere the error says what to install.
/// </remarks>
public sealed record PostgresBinaries(string Folder)
{
    /// <summary>The variable that names the folder to use, overriding the search.</summary>
    public const string FolderVariable = "CRMKIT_PG_BINDIR";

    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresBinaries? _found;

    public string InitDb => Path.Combine(Folder, "initdb");
    public string PgCtl => Path.Combine(Folder, "pg_ctl");
    public string Postgres => Path.Combine(Folder, "postgres");
    public string PgDump => Path.Combine(Folder, "pg_dump");
    public string Psql => Path.Combine(Folder, "psql");

    /// <summary>Finds the server programs, installing them where this machine allows; see the remarks.</summary>
    /// <exception cref="InvalidOperationException">Not found and not installable here; the message says what to install.</exception>
    public static async Task<PostgresBinaries> LocateAsync(CancellationToken cancellationToken = default)
    {
        if (_found is not null) return _found;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return _found ??= Find() ?? await InstallAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The folder found without installing anything, or null.</summary>
    public static PostgresBinaries? Find()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } named)
        {
            return Complete(named)
                ? new PostgresBinaries(named)
                : throw new InvalidOperationException($"{FolderVariable}='{named}' does not hold {string.Join(", ", Required)}.");
        }
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr" })
        {
            if (!Directory.Exists(root)) continue;
            var versions = Directory.GetDirectories(root)
                .Select(d => (Dir: d, Version: VersionOf(Path.GetFileName(d), root == "/usr" ? "pgsql-" : "")))
                .Where(v => v.Version is not null)
                .OrderByDescending(v => v.Version);
            foreach (var (dir, _) in versions)
            {
                var bin = Path.Combine(dir, "bin");
                if (Complete(bin)) return new PostgresBinaries(bin);
            }
        }
        if (ProcessRunner.Which("initdb") is { } initdb)
        {
            var bin = Path.GetDirectoryName(new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb)!;
            if (Complete(bin)) return new PostgresBinaries(bin);
        }
        return null;
    }

    private static double? VersionOf(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal)
        && double.TryParse(name[prefix.Length..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static bool Complete(string folder) => Required.All(p => File.Exists(Path.Combine(folder, p)));

    private static async Task<PostgresBinaries> InstallAsync(CancellationToken cancellationToken)
    {
        var debian = File.Exists("/etc/debian_version") && ProcessRunner.Which("apt-get") is not null;
        if (!debian)
        {
            throw new InvalidOperationException(
                "The PostgreSQL server (initdb, pg_ctl, postgres) is needed by these tests but was not found. Install it, e.g. " +
                "'sudo dnf install postgresql-server' (Fedora, RHEL), 'brew install postgresql@17' (macOS) or " +
                "'sudo apt-get install postgresql' (Debian, Ubuntu), or set " + FolderVariable + " to the folder holding initdb.");
        }
        if (!UnixUser.IsRoot)
        {
            throw new InvalidOperationException(
                "The PostgreSQL server (initdb, pg_ctl, postgres) is needed by these tests but was not found, and installing it needs root: " +
                "run 'sudo apt-get install -y postgresql' once, or run the tests as root and they install it.");
        }

        // One install per machine: test processes that start together wait here for the first.
        await using var machineLock = await FileLock.AcquireAsync(Path.Combine("/tmp", "crmkit-pg-install.lock"), cancellationToken);
        if (Find() is { } meanwhile) return meanwhile;
        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        (await ProcessRunner.RunAsync("apt-get", ["update"], environment: environment, cancellationToken: cancellationToken))
            .EnsureSuccess("Installing PostgreSQL: apt-get update");
        (await ProcessRunner.RunAsync("apt-get", ["install", "-y", "-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold", "postgresql"],
                environment: environment, cancellationToken: cancellationToken))
            .EnsureSuccess("Installing PostgreSQL: apt-get install -y postgresql");
        return Find() ?? throw new InvalidOperationException("apt-get installed postgresql, but initdb, pg_ctl and postgres are still not under /usr/lib/postgresql/<version>/bin.");
    }
}
