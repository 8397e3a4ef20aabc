using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Tests.Reports.Browser;

/// <summary>
/// Headless Chromium in a profile folder of its own, driven over the DevTools protocol. Started with
/// every background service off (no network is reachable here, and none is needed), on a DevTools
/// port the browser picks and writes into the profile. Disposing closes the browser and deletes the profile.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;

    private HeadlessChromium(Process process, string profile, DevToolsConnection connection)
    {
        _process = process;
        _profile = profile;
        DevTools = connection;
    }

    public DevToolsConnection DevTools { get; }

    /// <summary>Starts the browser found by <see cref="ChromiumBinary"/> and connects to it.</summary>
    public static async Task<HeadlessChromium> StartAsync(CancellationToken ct)
    {
        var executable = await ChromiumBinary.LocateAsync(ct);
        var profile = Path.Combine(Path.GetTempPath(), "crmkit-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
            "--hide-scrollbars", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", $"--user-data-dir={profile}", "about:blank",
        })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var endpoint = await EndpointAsync(process, profile, ct);
            return new HeadlessChromium(process, profile, await DevToolsConnection.ConnectAsync(endpoint, ct));
        }
        catch
        {
            Stop(process);
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    /// <summary>The browser writes its DevTools port and path into <c>DevToolsActivePort</c> in the profile once it listens.</summary>
    private static async Task<Uri> EndpointAsync(Process process, string profile, CancellationToken ct)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before it listened for DevTools.");
            if (File.Exists(file))
            {
                var lines = (await File.ReadAllLinesAsync(file, ct)).Where(l => l.Length > 0).ToArray();
                if (lines.Length >= 2) return new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}");
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("Chromium did not listen for DevTools within two minutes.");
    }

    /// <summary>Opens a new page of the given size and attaches to it, with the page, runtime, log and network domains on.</summary>
    public async Task<string> OpenPageAsync(int width, int height, CancellationToken ct)
    {
        var target = await DevTools.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, ct: ct);
        var attached = await DevTools.SendAsync("Target.attachToTarget",
            new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, ct: ct);
        var session = attached.GetProperty("sessionId").GetString()!;
        foreach (var domain in new[] { "Page", "Runtime", "Log", "Network" }) await DevTools.SendAsync(domain + ".enable", session: session, ct: ct);
        await Resize(session, width, height, ct);
        return session;
    }

    /// <summary>Sets the page's viewport.</summary>
    public Task Resize(string session, int width, int height, CancellationToken ct) =>
        DevTools.SendAsync("Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, session, ct);

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value (promises awaited).</summary>
    /// <exception cref="InvalidOperationException">The expression threw.</exception>
    public async Task<JsonElement> EvaluateAsync(string session, string expression, CancellationToken ct)
    {
        var result = await DevTools.SendAsync("Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, session, ct);
        if (result.TryGetProperty("exceptionDetails", out var thrown)) throw new InvalidOperationException($"The page threw: {thrown}");
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    /// <summary>A PNG of the whole viewport, or of the area <paramref name="clip"/> gives in page coordinates.</summary>
    public async Task<byte[]> ScreenshotAsync(string session, CancellationToken ct, (double X, double Y, double Width, double Height)? clip = null)
    {
        var parameters = new JsonObject { ["format"] = "png" };
        if (clip is { } c) parameters["clip"] = new JsonObject { ["x"] = c.X, ["y"] = c.Y, ["width"] = c.Width, ["height"] = c.Height, ["scale"] = 1 };
        var shot = await DevTools.SendAsync("Page.captureScreenshot", parameters, session, ct);
        return Convert.FromBase64String(shot.GetProperty("data").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DevTools.SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            // Stopped below.
        }
        await DevTools.DisposeAsync();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) Stop(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be writing into it; it is in the temporary folder.
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
