using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Server;

/// <summary>
/// A throwaway PostgreSQL server for tests: a cluster made with <c>initdb</c> in a folder of its
/// own under the temporary folder, started with <c>pg_ctl</c>, reachable only on a Unix socket in
/// that folder (no TCP port, so clusters never collide), with trust authentication for the
/// superuser <see cref="Superuser"/>. Disposing stops it and deletes the folder.
/// </summary>
/// <remarks>
/// Cleanup does not depend on the test run ending well. At process exit every cluster still
/// running is stopped and deleted; a watchdog shell beside each server stops it and deletes its
/// folder within a second of the test process dying (even by SIGKILL); and the next run clears
/// whatever is still left (<see cref="StaleClusters"/>).
/// Most tests share one cluster per test process (<see cref="SharedAsync"/>) with a database each
/// (<c>PostgresDatabase</c>). Tests that stop or crash the server start a cluster of their
/// own with <see cref="StartNewAsync"/>, so they never disturb others.
/// </remarks>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>The superuser made by <c>initdb</c>; it connects without a password.</summary>
    public const string Superuser = "crmkit";

    /// <summary>The port number in the socket's name (<c>.s.PGSQL.5432</c>); nothing listens on TCP.</summary>
    public const int Port = 5432;

    private static readonly Lazy<Task<PostgresCluster>> Shared = new(() => StartNewAsync());
    private static readonly List<PostgresCluster> Running = [];
    private static int _swept;
    private static int _databases;

    private readonly UnixUser _user;
    private readonly FileLock _owner;
    private readonly PostgresClusterOptions _options;
    private Process? _watchdog;
    private int _disposed;

    private PostgresCluster(PostgresBinaries binaries, UnixUser user, FileLock owner, string folder, PostgresClusterOptions options)
    {
        Binaries = binaries;
        _user = user;
        _owner = owner;
        Folder = folder;
        _options = options;
    }

    static PostgresCluster()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllAtExit();
    }

    /// <summary>The server programs used.</summary>
    public PostgresBinaries Binaries { get; }

    /// <summary>The cluster's own folder: data directory, socket and log.</summary>
    public string Folder { get; }

    /// <summary>The data directory made by <c>initdb</c>, kept across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public string DataDirectory => Path.Combine(Folder, "data");

    /// <summary>The folder holding the server's Unix socket: the connection string's Host.</summary>
    public string SocketDirectory => Folder;

    /// <summary>The server's log file.</summary>
    public string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>True between a successful start and the next stop.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>The one cluster shared by the tests of this process, started on first use and stopped at process exit.</summary>
    public static Task<PostgresCluster> SharedAsync() => Shared.Value;

    /// <summary>
    /// Creates and starts a cluster of its own. Finds the server programs first, installing them
    /// where the machine allows (<see cref="PostgresBinaries.LocateAsync"/>), and clears clusters
    /// left by killed runs (once per process).
    /// </summary>
    public static async Task<PostgresCluster> StartNewAsync(PostgresClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostgresClusterOptions();
        var binaries = await PostgresBinaries.LocateAsync(cancellationToken);
        var user = await UnixUser.ForClusterAsync(cancellationToken);
        var root = TemporaryRoot();
        if (Interlocked.Exchange(ref _swept, 1) == 0) await StaleClusters.SweepAsync(root);

        FileLock? owner = null;
        string folder = "";
        for (var attempt = 0; owner is null; attempt++)
        {
            folder = Path.Combine(root, StaleClusters.Prefix + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray(), 0, 6));
            owner = FileLock.TryAcquire(folder + ".lock", deleteOnRelease: true);
            if (attempt > 10) throw new InvalidOperationException($"Could not take an owner lock for a cluster folder under {root}.");
        }
        owner.Write(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        var cluster = new PostgresCluster(binaries, user, owner, folder, options);
        lock (Running) Running.Add(cluster);
        try
        {
            Directory.CreateDirectory(folder);
            cluster.StartWatchdog();
            await cluster.InitAsync(cancellationToken);
            await cluster.StartAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A connection string for <paramref name="database"/> as the superuser, over the socket.
    /// Pooling is on; after a restart, pooled connections are cleared by <see cref="StopAsync"/>.
    /// Statements may take two minutes rather than the driver's default 30 seconds: a loaded
    /// two-core CI machine once left one trivial statement (closing a cursor) unanswered past 30
    /// seconds, and a test of behaviour must not fail on that.
    /// </summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = Superuser,
        Database = database,
        IncludeErrorDetail = true,
        Timeout = 30,
        CommandTimeout = 120,
    }.ConnectionString;

    /// <summary>Creates an empty database (a fresh name when none is given) and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= $"test_{Interlocked.Increment(ref _databases)}_{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray(), 0, 3)}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken: cancellationToken);
        return name;
    }

    /// <summary>Drops a database, closing every connection to it first.</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken: cancellationToken);
    }

    /// <summary>Runs one statement (or several, without parameters) in <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string sql, string database = "postgres", CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Stops the server with <c>pg_ctl stop -m</c> <paramref name="mode"/>, keeping its data.
    /// <see cref="StopMode.Immediate"/> is a crash as far as the database is concerned: the next
    /// start replays the write-ahead log. Clears Npgsql's pools, whose connections are now dead.
    /// </summary>
    public async Task StopAsync(StopMode mode = StopMode.Fast, CancellationToken cancellationToken = default)
    {
        if (!IsRunning) return;
        var name = mode.ToString().ToLowerInvariant();
        (await PgCtlAsync(["stop", "-D", DataDirectory, "-m", name, "-w", "-t", "120"], cancellationToken))
            .EnsureSuccess($"Stopping PostgreSQL (-m {name})");
        IsRunning = false;
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Stops the server as a crash would: <c>pg_ctl stop -m immediate</c>.</summary>
    public Task StopImmediateAsync(CancellationToken cancellationToken = default) => StopAsync(StopMode.Immediate, cancellationToken);

    /// <summary>Starts the server on the existing data (after <see cref="StopAsync"/>), waiting until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning) return;
        var started = await PgCtlAsync(["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "120"], cancellationToken);
        if (started.ExitCode != 0)
            throw new InvalidOperationException($"Starting PostgreSQL failed (exit code {started.ExitCode}): {started.Command}\n{started.Error}\n{started.Output}\nServer log:\n{ReadLog(4000)}");
        IsRunning = true;
    }

    /// <summary>The postmaster's process id while it runs, else null.</summary>
    public int? ServerProcessId() => StaleClusters.ServerProcessId(DataDirectory);

    /// <summary>
    /// Runs <c>pg_dump</c> on <paramref name="database"/> and returns the plain SQL dump; extra
    /// arguments (e.g. <c>--data-only</c>, <c>--schema=crmkit</c>) are passed on.
    /// </summary>
    public async Task<string> DumpAsync(string database, IEnumerable<string>? arguments = null, CancellationToken cancellationToken = default)
    {
        var result = await ProcessRunner.RunAsync(Binaries.PgDump,
            ["--host", SocketDirectory, "--port", Port.ToString(CultureInfo.InvariantCulture), "--username", Superuser, "--no-password", .. arguments ?? [], database],
            cancellationToken: cancellationToken);
        return result.EnsureSuccess($"pg_dump of '{database}'").Output;
    }

    /// <summary>The end of the server log (at most <paramref name="characters"/>), for failure messages.</summary>
    public string ReadLog(int characters = 20_000)
    {
        try
        {
            var text = File.ReadAllText(LogFile, Encoding.UTF8);
            return text.Length <= characters ? text : text[^characters..];
        }
        catch (IOException e) { return $"(no log: {e.Message})"; }
    }

    /// <summary>Stops the server immediately (its data is thrown away) and deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        lock (Running) Running.Remove(this);
        try
        {
            if (IsRunning) await PgCtlAsync(["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "60"], CancellationToken.None);
            IsRunning = false;
        }
        finally
        {
            await StaleClusters.ClearAsync(Folder);
            try { _watchdog?.Kill(); } catch (InvalidOperationException) { }
            _watchdog?.Dispose();
            _owner.Dispose();
        }
    }

    /// <summary>
    /// Leaves the server running and gives up this process's claim on it, as a test process that
    /// was killed would: for testing that the next run clears it.
    /// </summary>
    internal void AbandonAsIfKilled()
    {
        Interlocked.Exchange(ref _disposed, 1);
        lock (Running) Running.Remove(this);
        try { _watchdog?.Kill(); } catch (InvalidOperationException) { }
        _owner.Release();
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        await _user.OwnAsync(Folder, cancellationToken);
        (await _user.RunAsync(Binaries.InitDb,
                ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], Folder, cancellationToken))
            .EnsureSuccess("initdb");

        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["listen_addresses"] = "''",
            ["unix_socket_directories"] = $"'{SocketDirectory}'",
            ["port"] = Port.ToString(CultureInfo.InvariantCulture),
            ["max_connections"] = "200",
            // A throwaway cluster needs no protection against the machine losing power; a crash of
            // the server itself (pg_ctl stop -m immediate, SIGKILL) still loses no committed
            // transaction, since the write-ahead log is written before each commit returns.
            ["fsync"] = _options.Durable ? "on" : "off",
            ["full_page_writes"] = _options.Durable ? "on" : "off",
            ["logging_collector"] = "off",
            ["log_min_messages"] = "warning",
        };
        foreach (var (k, v) in _options.Settings) settings[k] = v;
        var conf = new StringBuilder("\n# Throwaway test cluster\n");
        foreach (var (k, v) in settings) conf.Append(CultureInfo.InvariantCulture, $"{k} = {v}\n");
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), conf.ToString(), cancellationToken);
    }

    private Task<CommandResult> PgCtlAsync(string[] arguments, CancellationToken cancellationToken) =>
        _user.RunAsync(Binaries.PgCtl, arguments, Folder, cancellationToken);

    /// <summary>
    /// A shell that waits for this test process to end and then, if the folder is still there (the
    /// process died without cleaning up), stops the server with SIGQUIT and deletes the folder. It
    /// ends by itself once the folder is gone. Started before initdb, so no moment is uncovered.
    /// </summary>
    private void StartWatchdog()
    {
        var script = $$"""
            exec </dev/null >/dev/null 2>&1
            folder='{{Folder}}'
            while kill -0 {{Environment.ProcessId}} 2>/dev/null && [ -d "$folder" ]; do sleep 1; done
            [ -d "$folder" ] || exit 0
            # A pg_ctl start still in flight has forked the server within this time.
            sleep 2
            pid=$(head -n 1 "$folder/data/postmaster.pid" 2>/dev/null)
            if [ -n "$pid" ]; then
              kill -QUIT "$pid" 2>/dev/null
              i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
              kill -KILL "$pid" 2>/dev/null
            fi
            rm -rf "$folder" "$folder.lock"
            """;
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        _watchdog = Process.Start(info);
    }

    /// <summary>
    /// At process exit the test runner allows only moments before it kills the process, too few
    /// for pg_ctl: each server still running is sent SIGQUIT (immediate shutdown) directly, and
    /// its watchdog deletes the folder once this process is gone.
    /// </summary>
    private static void StopAllAtExit()
    {
        PostgresCluster[] left;
        lock (Running) left = [.. Running];
        foreach (var cluster in left)
        {
            if (cluster.ServerProcessId() is { } pid) StaleClusters.Signal(pid, StaleClusters.SigQuit);
        }
    }

    /// <summary>
    /// Where cluster folders go: the temporary folder, or <c>/tmp</c> when running as root (the
    /// cluster's user must reach it) or when the path would make the socket's name too long.
    /// </summary>
    private static string TemporaryRoot()
    {
        var temp = Path.GetTempPath();
        return UnixUser.IsRoot || temp.Length > 60 || !Directory.Exists(temp) ? "/tmp" : temp.TrimEnd('/');
    }
}
