using System.Runtime.InteropServices;

namespace CrmKit.PostgreSql.Tests.Server;

/// <summary>
/// The user a throwaway cluster runs as. PostgreSQL refuses to run as root, so when the tests run
/// as root (as CI does) the server programs run through <c>runuser</c> as an unprivileged system
/// user: <c>postgres</c>, which Debian's <c>postgresql-common</c> package creates, or else a
/// <c>crmkit-pg</c> system user made for the purpose. Otherwise they run as the current user.
/// </summary>
public sealed class UnixUser
{
    private const string Fallback = "crmkit-pg";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static UnixUser? _resolved;

    private UnixUser(string? name, string? runuser)
    {
        Name = name;
        _runuser = runuser;
    }

    private readonly string? _runuser;

    /// <summary>The system user's name, or null when the programs run as the current user.</summary>
    public string? Name { get; }

    /// <summary>True when this process runs as root.</summary>
    public static bool IsRoot => geteuid() == 0;

    /// <summary>The user to run the cluster as; creates the fallback system user when root has no <c>postgres</c> user.</summary>
    public static async Task<UnixUser> ForClusterAsync(CancellationToken cancellationToken = default)
    {
        if (_resolved is not null) return _resolved;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return _resolved ??= await ResolveAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<UnixUser> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!IsRoot) return new UnixUser(null, null);
        var runuser = ProcessRunner.Which("runuser")
            ?? throw new InvalidOperationException("The tests run as root, and PostgreSQL must not: 'runuser' (util-linux) is needed to start it as an unprivileged user, but it was not found.");
        foreach (var name in new[] { "postgres", Fallback })
        {
            if ((await ProcessRunner.RunAsync("id", ["-u", name], cancellationToken: cancellationToken)).ExitCode == 0) return new UnixUser(name, runuser);
        }
        var useradd = ProcessRunner.Which("useradd")
            ?? throw new InvalidOperationException($"The tests run as root and there is no 'postgres' user to run PostgreSQL as; 'useradd' was not found to create '{Fallback}'.");
        var made = await ProcessRunner.RunAsync(useradd, ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", Fallback],
            cancellationToken: cancellationToken);
        // Another test process may have created it at the same moment (exit code 9: already exists).
        if (made.ExitCode is not (0 or 9)) made.EnsureSuccess($"Creating the system user '{Fallback}' to run PostgreSQL as");
        return new UnixUser(Fallback, runuser);
    }

    /// <summary>Runs a program as this user, from <paramref name="workingDirectory"/>.</summary>
    public Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken = default) =>
        Name is null
            ? ProcessRunner.RunAsync(program, arguments, workingDirectory, cancellationToken: cancellationToken)
            : ProcessRunner.RunAsync(_runuser!, ["-u", Name, "--", program, .. arguments], workingDirectory, cancellationToken: cancellationToken);

    /// <summary>Makes this user the owner of <paramref name="path"/> (nothing to do when it is the current user).</summary>
    public async Task OwnAsync(string path, CancellationToken cancellationToken = default)
    {
        if (Name is null) return;
        (await ProcessRunner.RunAsync("chown", ["-R", $"{Name}:", path], cancellationToken: cancellationToken))
            .EnsureSuccess($"Giving '{path}' to '{Name}'");
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
