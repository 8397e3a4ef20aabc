using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CrmKit.Scripting;

/// <summary>
/// One running script worker, seen from the host: a child process started with the host's own
/// dotnet, a GC heap hard limit, invariant globalization, and a pipe pair for frames. One request at
/// a time; the pool makes sure of that.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>The worker program's file name, next to CrmKit.Scripting.dll.</summary>
    internal const string FileName = "CrmKit.Scripting.Worker.dll";

    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly StringBuilder _errors = new();
    private volatile bool _timedOut;
    private bool _garbled;

    private WorkerProcess(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_errors)
            {
                // Only the end matters: the runtime's last words ("Stack overflow.", an out-of-memory).
                if (_errors.Length > 8192) _errors.Remove(0, _errors.Length - 4096);
                _errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The ids of the scripts loaded in this worker.</summary>
    internal HashSet<int> Loaded { get; } = [];

    /// <summary>How many scripts (or compilations) this worker has taken in since it started.</summary>
    internal int Uses { get; set; }

    /// <summary>False once the process has ended or was ended.</summary>
    internal bool Alive { get; private set; } = true;

    /// <summary>The process id, for tests that end a worker from outside.</summary>
    internal int Id => _process.Id;

    /// <summary>Starts a worker with <paramref name="settings"/>.</summary>
    /// <exception cref="InvalidOperationException">The worker program is missing or does not start.</exception>
    internal static WorkerProcess Start(WorkerSettings settings)
    {
        if (!File.Exists(settings.WorkerPath))
            throw new InvalidOperationException($"The script worker '{settings.WorkerPath}' is missing; it ships next to CrmKit.Scripting.dll (or set ScriptEngineOptions.Isolation to InProcess for trusted scripts).");
        var start = new ProcessStartInfo(settings.DotnetPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetDirectoryName(settings.WorkerPath)!,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(settings.WorkerPath);
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + settings.HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment.Remove("DOTNET_GCHeapHardLimitPercent");
        start.Environment["DOTNET_gcServer"] = "0";
        // Culture-sensitive text operations become ordinal: the same answer on every machine, and
        // none of the slow paths that a culture-sensitive search can take.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");
        // A diagnostic port inherited from a tracing tool would make the worker wait for that tool
        // and write to its standard output, which carries the frames.
        start.Environment.Remove("DOTNET_DiagnosticPorts");
        start.Environment.Remove("DOTNET_DefaultDiagnosticPortSuspend");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"The script worker '{settings.WorkerPath}' did not start.");
        return new WorkerProcess(process);
    }

    /// <summary>How many times the processor-time limit may be exceeded in real time before the worker is ended anyway.</summary>
    internal const int WallClockFactor = 3;

    /// <summary>
    /// Sends one request and waits for the answer. The worker is ended when it has used
    /// <paramref name="limit"/> of processor time on the request, or <see cref="WallClockFactor"/>
    /// times that in real time (a shared, busy machine slows a worker down without it doing more).
    /// Returns the answer after its status byte.
    /// </summary>
    /// <exception cref="WorkerEndedException">The worker ended, or was ended at the limit, before answering.</exception>
    /// <exception cref="InvalidOperationException">The worker could not process the request.</exception>
    internal BinaryReader Call(MemoryStream request, TimeSpan limit)
    {
        byte[]? reply;
        var cpuStart = ProcessorTime();
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * WallClockFactor * Stopwatch.Frequency);
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(limit.TotalMilliseconds / 10, 20, 250));
        using (new Timer(_ =>
        {
            if (ProcessorTime() - cpuStart < limit && Stopwatch.GetTimestamp() < deadline) return;
            _timedOut = true;
            Kill();
        }, null, poll, poll))
        {
            try
            {
                Frames.Write(_input, request);
                reply = Frames.Read(_output);
            }
            catch (IOException)
            {
                reply = null;
            }
            catch (InvalidDataException)
            {
                // It wrote something that is not a frame: it is not trusted again.
                _garbled = true;
                reply = null;
            }
        }
        if (reply is null || reply.Length == 0) throw Ended(limit);
        var reader = new BinaryReader(new MemoryStream(reply, writable: false));
        var status = reader.ReadByte();
        if (status == 2)
        {
            var message = reader.ReadString();
            Kill();
            throw new WorkerRequestFailedException("The script worker failed: " + message);
        }
        if (status == 1) Kill(); // it answered and is ending (its memory ran out): never reuse it
        return reader;
    }

    private TimeSpan ProcessorTime()
    {
        try
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    private WorkerEndedException Ended(TimeSpan limit)
    {
        Kill();
        // Once it has exited, wait for its standard error to be read to the end: the runtime's last
        // words ("Stack overflow.") say why it ended.
        try
        {
            if (_process.WaitForExit(5_000)) _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        string errors;
        lock (_errors) errors = _errors.ToString();
        int? exitCode = _process.HasExited ? _process.ExitCode : null;
        if (_timedOut)
            return new WorkerEndedException(ScriptFailure.TimeLimit, string.Create(CultureInfo.InvariantCulture,
                $"the worker process ran past its time limit of {limit.TotalSeconds:0.###} s of processor time and was ended."));
        if (_garbled)
            return new WorkerEndedException(ScriptFailure.WorkerEnded, "the worker process wrote something other than an answer on its output and was ended; the worker was restarted.");
        if (errors.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
            return new WorkerEndedException(ScriptFailure.StackDepth, "the script overflowed the worker process's stack; the worker was restarted.");
        if (errors.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase) || errors.Contains("out of memory", StringComparison.OrdinalIgnoreCase))
            return new WorkerEndedException(ScriptFailure.MemoryBudget, "the script ran out of the worker process's memory limit; the worker was restarted.");
        return new WorkerEndedException(ScriptFailure.WorkerEnded,
            $"the worker process ended{(exitCode is { } c ? string.Create(CultureInfo.InvariantCulture, $" with exit code {c}") : "")}; the worker was restarted.");
    }

    /// <summary>Ends the process now (it may already have ended).</summary>
    internal void Kill()
    {
        Alive = false;
        try
        {
            if (!_process.HasExited) _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in between.
        }
    }

    /// <summary>Ends the process and waits for it, so no worker outlives its pool.</summary>
    public void Dispose()
    {
        Kill();
        try
        {
            _process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}

/// <summary>A worker answered that it could not process a request (for example, the compiler ran out of memory); it is not used again.</summary>
internal sealed class WorkerRequestFailedException(string message) : InvalidOperationException(message);

/// <summary>A worker ended before it answered: it crashed, ran out of memory or stack, or was ended at its time limit.</summary>
internal sealed class WorkerEndedException(ScriptFailure failure, string message) : Exception(message)
{
    /// <summary>What most likely ended it.</summary>
    internal ScriptFailure Failure { get; } = failure;
}
