using CrmKit.Hosting.Telemetry;
using CrmKit.Scripting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmKit.Hosting.Scripts;

/// <summary>
/// Loads the scripts folder into the <see cref="ScriptLibrary"/> at start and keeps it in step: a
/// changed file is reloaded once the folder has been quiet for <see cref="CrmKitOptions.ScriptReloadDelay"/>
/// (timed on the host's TimeProvider), a rejected edit keeps the previous version and logs the
/// diagnostics in the compiler's format, a deleted file removes its script.
/// </summary>
internal sealed partial class ScriptFolderWatcher(
    IOptions<CrmKitOptions> options,
    ScriptLibrary library,
    ScriptFolderStatus status,
    CrmKitMetrics metrics,
    TimeProvider time,
    ILogger<ScriptFolderWatcher> logger) : IHostedService, IDisposable
{
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Lock _pendingLock = new();
    private readonly Lock _reloadLock = new();
    private string? _folder;
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ScriptsFolder is not { } configured) return Task.CompletedTask;
        _folder = Path.GetFullPath(configured);
        Directory.CreateDirectory(_folder);
        _timer = time.CreateTimer(_ => ReloadPending(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(_folder, "*" + ScriptFile.Extension)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += (_, e) => Enqueue(e.FullPath);
        _watcher.Changed += (_, e) => Enqueue(e.FullPath);
        _watcher.Deleted += (_, e) => Enqueue(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Enqueue(e.OldFullPath);
            Enqueue(e.FullPath);
        };
        _watcher.Error += (_, e) => LogWatchError(e.GetException());
        _watcher.EnableRaisingEvents = true;

        foreach (var path in Directory.EnumerateFiles(_folder, "*" + ScriptFile.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            Reload(path);
        LogLoaded(_folder, library.Names.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null) _watcher.EnableRaisingEvents = false;
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }

    private void Enqueue(string path)
    {
        lock (_pendingLock)
        {
            _pending.Add(path);
            _timer?.Change(options.Value.ScriptReloadDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void ReloadPending()
    {
        string[] paths;
        lock (_pendingLock)
        {
            paths = [.. _pending.Order(StringComparer.Ordinal)];
            _pending.Clear();
        }
        foreach (var path in paths) Reload(path);
    }

    private void Reload(string path)
    {
        if (ScriptFile.TryCreate(_folder!, path) is not { } file)
        {
            LogIgnored(path);
            return;
        }
        lock (_reloadLock)
        {
            string source;
            try
            {
                if (!File.Exists(file.FullPath))
                {
                    if (library.Remove(file.Name)) LogRemoved(file.Name);
                    status.MarkGood(file.Name);
                    return;
                }
                source = ScriptEngine.ReadSource(file.FullPath);
            }
            catch (IOException e)
            {
                // Most often the editor is still writing: try again after the next quiet period.
                LogRetry(file.Name, e.Message);
                Enqueue(file.FullPath);
                return;
            }
            catch (UnauthorizedAccessException e)
            {
                Reject(file, [new ScriptDiagnostic(file.Name, 1, 1, ScriptSeverity.Error, "CRM0900", $"The file cannot be read: {e.Message}")]);
                return;
            }
            catch (ScriptCompilationException e)
            {
                // Not text in an encoding a script may be in; the diagnostic names the line and column.
                Reject(file, [.. e.Diagnostics.Select(d => d with { Path = file.Name })]);
                return;
            }
            Compile(file, source);
        }
    }

    private void Compile(ScriptFile file, string source)
    {
        try
        {
            library.Set(file.Name, source, file.Kind);
            status.MarkGood(file.Name);
            LogCompiled(file.Name, file.Kind);
        }
        catch (ScriptCompilationException e)
        {
            Reject(file, e.Diagnostics);
        }
        catch (ArgumentException e)
        {
            Reject(file, [new ScriptDiagnostic(file.Name, 1, 1, ScriptSeverity.Error, "CRM0901", e.Message)]);
        }
    }

    private void Reject(ScriptFile file, IReadOnlyList<ScriptDiagnostic> diagnostics)
    {
        status.MarkBroken(file.Name, diagnostics);
        metrics.ScriptFailed(file.Name, "compile");
        var kept = library.Find(file.Name) is not null;
        LogRejected(file.Name, kept ? "the previous version stays loaded" : "it is not loaded",
            Environment.NewLine + string.Join(Environment.NewLine, diagnostics));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} scripts from {Folder}")]
    private partial void LogLoaded(string folder, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Script {Name} ({Kind}) loaded")]
    private partial void LogCompiled(string name, ScriptKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Script {Name} removed: its file was deleted")]
    private partial void LogRemoved(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Script {Name} was rejected; {Outcome}:{Diagnostics}")]
    private partial void LogRejected(string name, string outcome, string diagnostics);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Script {Name} could not be read yet ({Reason}); retrying")]
    private partial void LogRetry(string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Path}: scripts live in segments/ or care/")]
    private partial void LogIgnored(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scripts folder watcher lost events; changes may be missed until the next edit")]
    private partial void LogWatchError(Exception exception);
}
