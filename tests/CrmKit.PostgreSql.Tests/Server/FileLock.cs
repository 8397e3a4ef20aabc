namespace CrmKit.PostgreSql.Tests.Server;

/// <summary>
/// An exclusive lock on a file, held by this process until disposed. .NET locks a file opened
/// with <see cref="FileShare.None"/> with <c>flock</c> on Unix, and the kernel releases that lock
/// when the process dies however it dies, so a lock that can be taken means its owner is gone.
/// </summary>
public sealed class FileLock : IAsyncDisposable, IDisposable
{
    private readonly FileStream _stream;
    private readonly bool _deleteOnRelease;

    private FileLock(string path, FileStream stream, bool deleteOnRelease)
    {
        Path = path;
        _stream = stream;
        _deleteOnRelease = deleteOnRelease;
    }

    public string Path { get; }

    /// <summary>
    /// Takes the lock now, or returns null when another process holds it. With
    /// <paramref name="deleteOnRelease"/> the file is deleted when released (for a lock whose name
    /// is unique to its owner; a lock others wait for must keep its file).
    /// </summary>
    public static FileLock? TryAcquire(string path, bool deleteOnRelease = false)
    {
        try
        {
            return new FileLock(path, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), deleteOnRelease);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Waits until the lock can be taken.</summary>
    public static async Task<FileLock> AcquireAsync(string path, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryAcquire(path) is { } held) return held;
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Writes a short note into the locked file (who holds it), replacing what was there.</summary>
    public void Write(string text)
    {
        _stream.SetLength(0);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        _stream.Write(bytes);
        _stream.Flush();
    }

    /// <summary>Releases the lock and keeps the file, as a process that died would.</summary>
    internal void Release() => _stream.Dispose();

    /// <summary>Releases the lock (deleting the file first when asked to).</summary>
    public void Dispose()
    {
        if (_deleteOnRelease)
        {
            try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        _stream.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
