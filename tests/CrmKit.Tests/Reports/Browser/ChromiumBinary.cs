using CrmKit.PostgreSql.Tests.Server;

namespace CrmKit.Tests.Reports.Browser;

/// <summary>
/// Where headless Chromium is, with a font that has Chinese glyphs. Looked for in this order: the
/// program named by <c>CRMKIT_CHROMIUM</c>; <c>chromium</c>, <c>chromium-browser</c>,
/// <c>google-chrome</c> on PATH. When none is found on Debian or Ubuntu as root, Debian's
/// <c>chromium</c> is installed with <c>apt-get install -y chromium</c>, and <c>fonts-noto-cjk</c>
/// when no font covers Chinese, once per machine even when several test processes start together;
/// elsewhere the error says what to install.
/// </summary>
public static class ChromiumBinary
{
    /// <summary>The variable that names the browser program, overriding the search.</summary>
    public const string Variable = "CRMKIT_CHROMIUM";

    /// <summary>
    /// The machine-wide lock every test install through apt takes (the PostgreSQL tests install their
    /// server under the same one), so that two installs never contend for dpkg's lock.
    /// </summary>
    private const string InstallLock = "/tmp/crmkit-pg-install.lock";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _found;

    /// <summary>Finds the browser and a Chinese font, installing them where this machine allows; see the class remarks.</summary>
    /// <exception cref="InvalidOperationException">Not found and not installable here; the message says what to install.</exception>
    public static async Task<string> LocateAsync(CancellationToken cancellationToken = default)
    {
        if (_found is not null) return _found;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_found is not null) return _found;
            var browser = Find() ?? await InstallAsync("chromium", "Chromium (a headless browser)", cancellationToken, Find);
            if (!await HasChineseFontAsync(cancellationToken))
                await InstallAsync("fonts-noto-cjk", "a font with Chinese glyphs (Noto CJK)", cancellationToken, () => HasChineseFontAsync(cancellationToken).GetAwaiter().GetResult() ? "found" : null);
            return _found = browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
            return File.Exists(named) ? named : throw new InvalidOperationException($"{Variable}='{named}' is not a file.");
        return Names.Select(ProcessRunner.Which).FirstOrDefault(p => p is not null);
    }

    /// <summary>True when fontconfig knows a font that covers Chinese; without fontconfig's tools, when a font file of a known CJK family is installed.</summary>
    private static async Task<bool> HasChineseFontAsync(CancellationToken ct)
    {
        if (ProcessRunner.Which("fc-list") is { } fcList)
        {
            var listed = await ProcessRunner.RunAsync(fcList, [":lang=zh", "family"], cancellationToken: ct);
            return listed.ExitCode == 0 && listed.Output.Trim().Length > 0;
        }
        string[] families = ["CJK", "wqy", "SourceHanSans", "DroidSansFallback", "NotoSansSC"];
        return new[] { "/usr/share/fonts", "/usr/local/share/fonts" }.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Any(f => families.Any(n => Path.GetFileName(f).Contains(n, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<string> InstallAsync(string package, string what, CancellationToken ct, Func<string?> find)
    {
        var debian = File.Exists("/etc/debian_version") && ProcessRunner.Which("apt-get") is not null;
        if (!debian)
        {
            throw new InvalidOperationException(
                $"The browser tests of the HTML report need {what}, which was not found. Install Chromium and a CJK font, e.g. " +
                "'sudo dnf install chromium google-noto-sans-cjk-fonts' (Fedora), 'brew install --cask chromium' (macOS) or " +
                $"'sudo apt-get install chromium fonts-noto-cjk' (Debian, Ubuntu), or set {Variable} to the browser program.");
        }
        if (!UnixUser.IsRoot)
        {
            throw new InvalidOperationException(
                $"The browser tests of the HTML report need {what}, which was not found, and installing it needs root: " +
                $"run 'sudo apt-get install -y {package}' once, or run the tests as root and they install it.");
        }
        await using var machineLock = await FileLock.AcquireAsync(InstallLock, ct);
        if (find() is { } meanwhile) return meanwhile;
        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        (await ProcessRunner.RunAsync("apt-get", ["-o", "DPkg::Lock::Timeout=600", "update"], environment: environment, cancellationToken: ct))
            .EnsureSuccess($"Installing {package}: apt-get update");
        (await ProcessRunner.RunAsync("apt-get", ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends", package], environment: environment, cancellationToken: ct))
            .EnsureSuccess($"Installing {package}: apt-get install -y {package}");
        return find() ?? throw new InvalidOperationException($"apt-get installed {package}, but {what} is still not found.");
    }
}
