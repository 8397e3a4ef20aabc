using System.Diagnostics;
using System.Globalization;

namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>A child process appending interaction batches (tests/CrmKit.PostgreSql.Writer), with the batches it acknowledged.</summary>
public sealed class WriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<(string Id, int Size)> _acks = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _errors = new();

    private WriterProcess(Process process) => _process = process;

    /// <summary>Starts a writer of <paramref name="batches"/> batches (0: until killed) over customers W0…W(customers-1).</summary>
    public static WriterProcess Start(string connectionString, string run, int seed, int batches, int customers)
    {
        var writer = Path.Combine(AppContext.BaseDirectory.Replace("CrmKit.PostgreSql.Tests", "CrmKit.PostgreSql.Writer", StringComparison.Ordinal), "CrmKit.PostgreSql.Writer.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { writer, connectionString, run, seed.ToString(CultureInfo.InvariantCulture), batches.ToString(CultureInfo.InvariantCulture), customers.ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info };
        var child = new WriterProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._errors) child._errors.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        if (line == "ready") _ready.TrySetResult();
        var parts = line.Split(' ');
        if (parts is ["ack", var id, var size])
            lock (_acks) _acks.Add((id, int.Parse(size, CultureInfo.InvariantCulture)));
    }

    /// <summary>The batches acknowledged so far (each acknowledged after its commit returned).</summary>
    public IReadOnlyList<(string Id, int Size)> Acknowledged
    {
        get { lock (_acks) return [.. _acks]; }
    }

    public string Errors
    {
        get { lock (_errors) return _errors.ToString(); }
    }

    public Task Ready => _ready.Task;

    /// <summary>Waits until at least <paramref name="count"/> batches were acknowledged.</summary>
    public async Task WaitForAcksAsync(int count, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (Acknowledged.Count < count)
        {
            if (_process.HasExited) throw new InvalidOperationException($"writer exited with {_process.ExitCode}: {Errors}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"writer acknowledged {Acknowledged.Count} of {count} batches: {Errors}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the writer to finish and checks it succeeded.</summary>
    public async Task CompleteAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // drains the redirected output
        Assert.True(_process.ExitCode == 0, $"writer exited with {_process.ExitCode}: {Errors}");
    }

    /// <summary>Kills the writer with SIGKILL: no flush, no dispose, no rollback from its side.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
