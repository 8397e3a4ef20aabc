using System.Globalization;

namespace CrmKit.PostgreSql.Tests.Server;

/// <summary>
/// Clears away clusters left by test runs that were killed: each cluster folder has an owner lock
/// beside it (<c>crmkit-pg-cluster-ID.lock</c>) that its test process holds while it lives, so a
/// lock that can be taken belongs to a dead run. Its server is stopped (SIGQUIT: immediate
/// shutdown, then SIGKILL) and its folder deleted. Best effort: what cannot be cleared is left,
/// and never stops a new cluster from starting, since every cluster has its own folder and socket.
/// </summary>
public static class StaleClusters
{
    public const string Prefix = "crmkit-pg-cluster-";

    /// <summary>The signal that asks a PostgreSQL server for an immediate shutdown.</summary>
    public const int SigQuit = 3;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; true when it was delivered.</summary>
    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>Clears every stale cluster under <paramref name="root"/>; returns how many it cleared.</summary>
    public static async Task<int> SweepAsync(string root)
    {
        var cleared = 0;
        foreach (var lockFile in Directory.EnumerateFiles(root, Prefix + "*.lock").ToList())
        {
            using var owner = FileLock.TryAcquire(lockFile, deleteOnRelease: true);
            if (owner is null) continue;
            await ClearAsync(Path.ChangeExtension(lockFile, null));
            cleared++;
        }
        // A folder whose lock file is gone lost its owner while it was being cleared up.
        foreach (var folder in Directory.EnumerateDirectories(root, Prefix + "*").ToList())
        {
            if (File.Exists(folder + ".lock")) continue;
            await ClearAsync(folder);
            cleared++;
        }
        return cleared;
    }

    /// <summary>Stops the server whose data is under <paramref name="folder"/>, if it runs, and deletes the folder.</summary>
    public static async Task ClearAsync(string folder)
    {
        if (ServerProcessId(Path.Combine(folder, "data")) is { } pid) await StopProcessAsync(pid);
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>The postmaster's process id from <c>postmaster.pid</c> when that process still runs, else null.</summary>
    public static int? ServerProcessId(string dataDirectory)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsRunningPostgres(pid) ? pid : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// True when <paramref name="pid"/> is a live PostgreSQL server process. A zombie (exited, not
    /// yet reaped by its new parent) does not count.
    /// </summary>
    public static bool IsRunningPostgres(int pid)
    {
        if (!Directory.Exists("/proc/self")) return Alive(pid);
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) state ...": the name may hold spaces, so read from the last parenthesis.
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var comm = stat[(open + 1)..close];
            var state = stat[(close + 2)..].Split(' ')[0];
            return comm is "postgres" or "postmaster" && state is not ("Z" or "X");
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private static bool Alive(int pid)
    {
        if (Directory.Exists("/proc/self")) return IsRunningPostgres(pid);
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static async Task StopProcessAsync(int pid)
    {
        Signal(pid, SigQuit);
        for (var i = 0; i < 100 && Alive(pid); i++) await Task.Delay(100);
        if (Alive(pid)) Signal(pid, 9);
    }
}
